// The capacity chart: capacity per month as bars against the revenue target as a dashed target line (issue 21.4; helpers in charts-common.js), from the JSON in the
// chart element's data-values attribute inside the result part. The what-if swaps that part (htmx), so the chart is
// drawn again after every swap. No animation; tooltips drawn on the canvas (an HTML tooltip carries style
// attributes, which the Content Security Policy refuses).
(function () {
  var chart = null;
  function draw() {
    var el = document.querySelector('[data-chart=capacity]');
    if (!el || !window.echarts) { return; }
    if (!window.AttainCharts) { return; }
    var C = window.AttainCharts;
    var c = JSON.parse(el.getAttribute('data-values') || '{}');
    var fmt = C.format(0);
    chart = C.init(el, {
      animation: false,
      tooltip: C.tooltip(fmt, ' ' + (c.currency || '')),
      legend: C.legend(),
      grid: {left: 8, right: 24, top: 36, bottom: 40, containLabel: true},
      xAxis: C.categoryAxis(c.categories),
      yAxis: C.valueAxis(c.currency || '', fmt),
      series: [
        {name: c.capacityName, type: 'bar', data: c.capacity, barMaxWidth: 48},
        {name: c.targetName, type: 'line', data: c.target, connectNulls: false, symbolSize: 6,
          lineStyle: {type: 'dashed', width: 2, color: '#b3261e'}, itemStyle: {color: '#b3261e'}}
      ]
    });
  }
  document.addEventListener('DOMContentLoaded', draw);
  if (document.readyState !== 'loading') { draw(); }
  document.addEventListener('htmx:afterSettle', function (event) {
    draw();
  });
})();
