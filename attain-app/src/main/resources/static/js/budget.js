// The budget vs actual chart: budget and actual spending per team as bars side by side, from the JSON data block
// #budget-chart-data. Tooltips drawn on the canvas (an HTML tooltip carries style attributes, which the CSP refuses).
(function () {
  function draw() {
    var data = document.getElementById('budget-chart-data');
    var el = document.querySelector('[data-chart=budget]');
    if (!data || !el || !window.echarts) { return; }
    var c = JSON.parse(data.textContent || '{}');
    var locale = document.documentElement.lang || 'en';
    var fmt = new Intl.NumberFormat(locale, {maximumFractionDigits: 0});
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v == null ? '–' : fmt.format(v) + ' ' + (c.currency || ''); }},
      legend: {bottom: 0},
      grid: {left: 8, right: 8, top: 16, bottom: 40, containLabel: true},
      xAxis: {type: 'category', data: c.teams || [], axisLabel: {interval: 0, rotate: (c.teams || []).length > 6 ? 30 : 0, width: 110, overflow: 'truncate'}},
      yAxis: {type: 'value', axisLabel: {formatter: function (v) { return fmt.format(v); }}},
      series: [
        {name: c.budgetName, type: 'bar', data: (c.budget || []).map(Number)},
        {name: c.actualName, type: 'bar', data: (c.actual || []).map(Number)}
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
