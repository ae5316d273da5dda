// The credit page's grade distribution. The counts sit on the element (data-grades, data-counts), so the page needs no
// inline script; without ECharts the table beside the chart still shows every count.
(function () {
  var el = document.getElementById('credit-chart');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var grades = el.dataset.grades ? el.dataset.grades.split(',') : [];
  var counts = el.dataset.counts ? el.dataset.counts.split(',').map(Number) : [];
  var colors = ['#2f855a', '#2b6cb0', '#d69e2e', '#c53030'];
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: grades, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: '机构数', minInterval: 1 },
    series: [{
      name: '机构数', type: 'bar',
      data: counts.map(function (c, i) { return { value: c, itemStyle: { color: colors[i % colors.length] } }; })
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
