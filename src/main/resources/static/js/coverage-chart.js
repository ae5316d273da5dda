// The coverage page's bar chart by region (三个全覆盖). The figures sit on the element (data-*), so the page needs no
// inline script; without ECharts the table below the chart still shows every region.
(function () {
  var el = document.getElementById('coverage-chart');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var list = function (name) { return el.dataset[name] ? el.dataset[name].split(',').map(Number) : []; };
  var regions = el.dataset.regions ? el.dataset.regions.split(',') : [];
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['机构数', '自查自纠', '日常稽核', '抽查', '全覆盖'] },
    xAxis: { type: 'category', data: regions, name: '统筹区' },
    yAxis: { type: 'value', name: '机构（家）', minInterval: 1 },
    series: [
      { name: '机构数', type: 'bar', data: list('institutions'), itemStyle: { color: '#a0aec0' } },
      { name: '自查自纠', type: 'bar', data: list('self'), itemStyle: { color: '#2b6cb0' } },
      { name: '日常稽核', type: 'bar', data: list('audit'), itemStyle: { color: '#2f855a' } },
      { name: '抽查', type: 'bar', data: list('inspected'), itemStyle: { color: '#b7791f' } },
      { name: '全覆盖', type: 'bar', data: list('full'), itemStyle: { color: '#c53030' } }
    ]
  });
  window.__coverageChart = chart;
  window.addEventListener('resize', function () { chart.resize(); });
})();
