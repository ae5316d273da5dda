// The dashboard's charts. Each chart's data sits on its element (data-chart, JSON written by the server), so the page
// needs no inline script; without ECharts the tables beside the charts still show every figure.
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  var charts = [];
  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el || !el.dataset.chart) {
      return;
    }
    var chart = echarts.init(el);
    chart.setOption(option(JSON.parse(el.dataset.chart)));
    charts.push(chart);
  }
  var yuan = function (v) {
    return '¥' + Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  };
  draw('chart-funds', function (d) {
    return {
      tooltip: { trigger: 'axis', valueFormatter: yuan }, legend: { top: 0 }, grid: { left: 80, right: 20, top: 30, bottom: 40 },
      xAxis: { type: 'category', data: d.names }, yAxis: { type: 'value', name: '元' },
      series: [{ name: '收入', type: 'bar', data: d.income, itemStyle: { color: '#2f855a' } },
        { name: '支出', type: 'bar', data: d.expenditure, itemStyle: { color: '#c05621' } }]
    };
  });
  draw('chart-signals', function (d) {
    return {
      tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 }, grid: { left: 50, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: d.months }, yAxis: { type: 'value', name: '疑点数' },
      series: d.series.map(function (s) { return { name: s.name, type: 'bar', stack: 'rules', data: s.data }; })
    };
  });
  draw('chart-funnel', function (d) {
    return {
      tooltip: { trigger: 'item' },
      series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '20%', label: { formatter: '{b}：{c}' },
        data: d.names.map(function (n, i) { return { name: n, value: d.values[i] }; }) }]
    };
  });
  draw('chart-money', function (d) {
    return {
      tooltip: { trigger: 'axis', valueFormatter: yuan }, grid: { left: 90, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'category', data: d.names }, yAxis: { type: 'value', name: '元' },
      series: [{ type: 'bar', data: d.values.map(Number), itemStyle: { color: '#2b6cb0' } }]
    };
  });
  draw('chart-credit', function (d) {
    return {
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b}：{c}' },
        data: Object.keys(d).map(function (k) { return { name: k, value: d[k] }; }) }]
    };
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
