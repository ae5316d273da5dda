// The recoveries page's bar chart by month. The data sits on the element (data-months, data-amounts, yuan), so the
// page needs no inline script; without ECharts the table below the chart still shows every month.
(function () {
  var el = document.getElementById('recoveries-chart');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var months = el.dataset.months ? el.dataset.months.split(',') : [];
  var amounts = el.dataset.amounts ? el.dataset.amounts.split(',').map(Number) : [];
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: {
      trigger: 'axis',
      valueFormatter: function (v) {
        return '¥' + Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      }
    },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: '金额（元）' },
    series: [{ name: '追回扣款', type: 'bar', data: amounts, itemStyle: { color: '#2b6cb0' } }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
