// The campaign page's charts by region. The data sits on each element's data attributes, so the page needs no inline
// script; without ECharts the table below the charts still shows every figure.
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  function list(el, name) {
    var v = el.dataset[name];
    return v ? v.split(',') : [];
  }
  function numbers(el, name) {
    return list(el, name).map(Number);
  }
  function bars(id, yName, series) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: list(el, 'regions') },
      yAxis: { type: 'value', name: yName, minInterval: yName === '元' ? 0 : 1 },
      series: series.map(function (s) {
        return { name: s[0], type: 'bar', data: numbers(el, s[1]) };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  bars('campaign-coverage-chart', '家', [['范围内机构', 'inScope'], ['已覆盖', 'covered']]);
  bars('campaign-work-chart', '件', [['确认疑点', 'signals'], ['案件', 'cases'], ['处罚', 'penalties']]);
  bars('campaign-money-chart', '元', [['主动退回', 'refunds'], ['追回金额', 'recovered']]);
})();
