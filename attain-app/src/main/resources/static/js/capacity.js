// The capacity chart: capacity per month as bars against the revenue target as a line, from the JSON in the
// chart element's data-values attribute inside the result part. The what-if swaps that part (htmx), so the chart is
// drawn again after every swap. No animation; tooltips drawn on the canvas (an HTML tooltip carries style
// attributes, which the Content Security Policy refuses).
(function () {
  var chart = null;
  function draw() {
    var el = document.querySelector('[data-chart=capacity]');
    if (!el || !window.echarts) { return; }
    var c = JSON.parse(el.getAttribute('data-values') || '{}');
    var locale = document.documentElement.lang || 'en';
    var fmt = new Intl.NumberFormat(locale, {maximumFractionDigits: 0});
    if (chart) { chart.dispose(); }
    chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v == null ? '–' : fmt.format(v); }},
      legend: {bottom: 0},
      grid: {left: 8, right: 8, top: 16, bottom: 40, containLabel: true},
      xAxis: {type: 'category', data: c.categories, axisLabel: {interval: 0, rotate: (c.categories || []).length > 6 ? 30 : 0}},
      yAxis: {type: 'value', axisLabel: {formatter: function (v) { return fmt.format(v); }}},
      series: [
        {name: c.capacityName, type: 'bar', data: c.capacity},
        {name: c.targetName, type: 'line', data: c.target, connectNulls: false, symbolSize: 6}
      ]
    });
  }
  document.addEventListener('DOMContentLoaded', draw);
  if (document.readyState !== 'loading') { draw(); }
  document.addEventListener('htmx:afterSettle', function (event) {
    draw();
  });
  window.addEventListener('resize', function () { if (chart) { chart.resize(); } });
})();
