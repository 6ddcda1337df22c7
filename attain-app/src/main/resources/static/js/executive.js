// The executive page's charts from #executive-chart-data: bookings against target per quarter, and budget against
// actual per category. Tooltips drawn on the canvas (an HTML tooltip carries style attributes, which the CSP refuses).
(function () {
  function bars(el, labels, series, currency, fmt) {
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v == null ? '–' : fmt.format(v) + ' ' + currency; }},
      legend: {bottom: 0},
      grid: {left: 8, right: 8, top: 16, bottom: 40, containLabel: true},
      xAxis: {type: 'category', data: labels},
      yAxis: {type: 'value', axisLabel: {formatter: function (v) { return fmt.format(v); }}},
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function draw() {
    var data = document.getElementById('executive-chart-data');
    if (!data || !window.echarts) { return; }
    var c = JSON.parse(data.textContent || '{}');
    var fmt = new Intl.NumberFormat(document.documentElement.lang || 'en', {maximumFractionDigits: 0});
    var num = function (xs) { return (xs || []).map(Number); };
    var b = document.querySelector('[data-chart=executive-bookings]');
    if (b) {
      bars(b, c.quarters || [], [
        {name: c.bookingsName, type: 'bar', data: num(c.bookings)},
        {name: c.targetName, type: 'line', data: num(c.target), symbolSize: 6}
      ], c.currency || '', fmt);
    }
    var u = document.querySelector('[data-chart=executive-budget]');
    if (u) {
      bars(u, c.categories || [], [
        {name: c.budgetName, type: 'bar', data: num(c.budget)},
        {name: c.actualName, type: 'bar', data: num(c.actual)}
      ], c.currency || '', fmt);
    }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
