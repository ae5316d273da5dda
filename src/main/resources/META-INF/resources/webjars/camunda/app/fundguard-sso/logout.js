// Camunda's webapps log out by posting to their own auth endpoint, which would end only Camunda's
// session and then show Camunda's password form, useless with single sign-on. Whatever part of the UI
// triggers it (AngularJS or the newer header), the request goes through XHR or fetch: catch it there and
// go to FundGuard's sign-out, which ends the FundGuard and the Keycloak session.
(function () {
  var LOGOUT = /\/api\/admin\/auth\/user\/[^/]+\/logout/;
  var signOut = function () { window.location.href = '/signout'; };

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.fundguardLogout = LOGOUT.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.fundguardLogout) { signOut(); return; }
    return send.apply(this, arguments);
  };

  if (window.fetch) {
    var fetch = window.fetch;
    window.fetch = function (input) {
      var url = typeof input === 'string' ? input : (input && input.url);
      if (LOGOUT.test(String(url))) { signOut(); return new Promise(function () {}); }
      return fetch.apply(this, arguments);
    };
  }
})();
