// Pulse surveys: the distribution of promoters, passives and detractors per shown group, and a group's eNPS
// over surveys (data from the charts' data-* attributes; hidden results never reach the page).
(function () {
  if (!window.echarts || !window.AttainCharts) { return; }
  var C = window.AttainCharts; // issue 21.4: scroll legends, labels that fit; the numbers are in the tables beside
  var dist = document.getElementById('pulse-distribution');
  if (dist && dist.getAttribute('data-chart')) {
    var d = JSON.parse(dist.getAttribute('data-chart'));
    C.init(dist, {
      animation: false,
      tooltip: C.tooltip(C.format(0)),
      legend: C.legend(),
      grid: { left: 8, right: 24, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: d.groups, inverse: true, axisLabel: { width: 150, overflow: 'truncate', hideOverlap: true } },
      series: [
        { name: dist.getAttribute('data-promoters'), type: 'bar', stack: 'all', data: d.promoters, itemStyle: { color: '#2e7d32' } },
        { name: dist.getAttribute('data-passives'), type: 'bar', stack: 'all', data: d.passives, itemStyle: { color: '#9e9e9e' } },
        { name: dist.getAttribute('data-detractors'), type: 'bar', stack: 'all', data: d.detractors, itemStyle: { color: '#c62828' } }
      ]
    });
  }
  var trend = document.getElementById('pulse-trend');
  if (trend && trend.getAttribute('data-trend')) {
    var t = JSON.parse(trend.getAttribute('data-trend'));
    C.init(trend, {
      animation: false,
      tooltip: C.tooltip(C.format(0)),
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: C.categoryAxis(t.labels),
      yAxis: C.valueAxis('eNPS', C.format(0), { min: -100, max: 100 }),
      series: [{ name: trend.getAttribute('data-label'), type: 'line', data: t.enps, connectNulls: false, label: { show: true } }]
    });
  }
})();
