// The focused inspection's analysis charts: the fund's expenditure by month, stacked bars by institution and by item,
// and the signals by rule. The data sits on each element (data-chart, the same JSON; data-kind says which chart), so
// the page needs no inline script; without ECharts the tables below the charts still show every figure.
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  var yuan = function (v) {
    return '¥' + Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  };
  document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
    var data = JSON.parse(el.dataset.chart);
    var kind = el.dataset.kind;
    var series;
    var axisName = '金额（元）';
    var formatter = yuan;
    if (kind === 'total') {
      series = [{ name: '基金支出', type: 'line', data: data.total, itemStyle: { color: '#2b6cb0' } }];
    } else if (kind === 'signals') {
      axisName = '疑点数';
      formatter = function (v) { return v; };
      series = Object.keys(data.signals).map(function (name) {
        return { name: name, type: 'bar', stack: 's', data: data.signals[name] };
      });
    } else {
      series = Object.keys(data[kind]).map(function (name) {
        return { name: name, type: 'bar', stack: 's', data: data[kind][name] };
      });
    }
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: formatter },
      legend: { type: 'scroll', top: 0 },
      grid: { top: 40, left: 80, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: data.months },
      yAxis: { type: 'value', name: axisName },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
