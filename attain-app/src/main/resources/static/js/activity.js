// Activity dashboard: stacked bars per kind from the chart's data attributes (shared helpers: charts-common.js) (no inline script: the
// Content Security Policy refuses those). Tooltips on the canvas, as HTML ones carry style attributes.
(function () {
  var el = document.getElementById('activity-chart');
  if (!el || !window.echarts || !window.AttainCharts) { return; }
  var C = window.AttainCharts;
  var data = JSON.parse(el.getAttribute('data-chart') || '{}');
  C.init(el, {
    animation: false,
    tooltip: C.tooltip(C.format(0)),
    legend: C.legend(),
    grid: {left: 8, right: 24, bottom: 40, top: 24, containLabel: true},
    xAxis: C.categoryAxis(data.periods),
    yAxis: C.valueAxis('', C.format(0), {minInterval: 1}),
    series: Object.keys(data.series || {}).map(function (kind) {
      return {name: el.getAttribute('data-kind-' + kind.toLowerCase()) || kind, type: 'bar', stack: 'all', data: data.series[kind]};
    })
  });
})();
