// Camunda's webapps format every date with their camDate filter, in the browser's zone: on a machine kept in UTC a
// deadline ending at midnight in Beijing showed as 16:00 the day before. This custom script (named in each app's
// scripts/config.js) decorates that filter so that it shows China Standard Time whatever the browser's zone (China
// keeps no daylight saving time: +08:00 all year), and follows FundGuard's one convention (calendar.BureauTime): a
// deadline ending at midnight is shown as 24:00 of its last day, "2026-12-22 24:00".
(function () {
  var angular = window.angular;
  if (!angular) { return; }
  var BEIJING_OFFSET_MINUTES = 8 * 60;

  function instant(value) {
    if (value instanceof Date) { return value.getTime(); }
    if (typeof value === 'number') { return value; }
    // Camunda's REST API writes offsets without a colon (+0800), which not every Date parser takes
    var iso = String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
    return Date.parse(iso);
  }

  // a Date whose local fields (what the filter prints) are the Beijing wall-clock time of the instant
  function beijingWallClock(ms) {
    var shifted = new Date(ms + BEIJING_OFFSET_MINUTES * 60000);
    return new Date(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate(), shifted.getUTCHours(),
      shifted.getUTCMinutes(), shifted.getUTCSeconds(), shifted.getUTCMilliseconds());
  }

  var module;
  try {
    module = angular.module('cam.commons.filter.date');
  } catch (e) {
    return; // a Camunda version without that module: its dates stay as they are rather than the app failing
  }
  var formats;
  module.config(['camDateFormatProvider', function (provider) { formats = provider; }]);
  module.config(['$provide', function ($provide) {
    $provide.decorator('camDateFilter', ['$delegate', 'camDateFormat', function (camDate, camDateFormat) {
      return function (value, name) {
        if (!value) { return camDate(value, name); }
        var ms = instant(value);
        if (isNaN(ms)) { return camDate(value, name); }
        var wall = beijingWallClock(ms);
        var midnight = wall.getHours() === 0 && wall.getMinutes() === 0 && wall.getSeconds() === 0 &&
          wall.getMilliseconds() === 0;
        var format = camDateFormat(name || 'normal') || '';
        if (midnight && /HH:mm/.test(format)) {
          var at24 = 'fundguard-24-' + (name || 'normal');
          formats.setDateFormat(format.replace(/HH:mm:ss/, '[24:00:00]').replace(/HH:mm/, '[24:00]'), at24);
          var lastDay = new Date(wall.getTime());
          lastDay.setDate(lastDay.getDate() - 1);
          return camDate(lastDay, at24);
        }
        return camDate(wall, name);
      };
    }]);
  }]);
})();
