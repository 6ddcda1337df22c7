// Activity dashboard: stacked bars per kind from the chart's data attributes (no inline script: the
// Content Security Policy refuses those). Tooltips on the canvas, as HTML ones carry style attributes.
(function () {
  var el = document.getElementById('activity-chart');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.getAttribute('data-chart') || '{}');
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,
    tooltip: {trigger: 'axis', renderMode: 'richText'},
    legend: {},
    grid: {left: 40, right: 16, bottom: 30, top: 40},
    xAxis: {type: 'category', data: data.periods},
    yAxis: {type: 'value', minInterval: 1},
    series: Object.keys(data.series || {}).map(function (kind) {
      return {name: el.getAttribute('data-kind-' + kind.toLowerCase()) || kind, type: 'bar', stack: 'all', data: data.series[kind]};
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
