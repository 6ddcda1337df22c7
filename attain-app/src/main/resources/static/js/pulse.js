// Pulse surveys: the distribution of promoters, passives and detractors per shown group, and a group's eNPS
// over surveys (data from the charts' data-* attributes; hidden results never reach the page).
(function () {
  if (!window.echarts) { return; }
  var dist = document.getElementById('pulse-distribution');
  if (dist && dist.getAttribute('data-chart')) {
    var d = JSON.parse(dist.getAttribute('data-chart'));
    var chart = echarts.init(dist);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: {},
      grid: { left: 160, right: 16, top: 36, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: d.groups, inverse: true },
      series: [
        { name: dist.getAttribute('data-promoters'), type: 'bar', stack: 'all', data: d.promoters, itemStyle: { color: '#2e7d32' } },
        { name: dist.getAttribute('data-passives'), type: 'bar', stack: 'all', data: d.passives, itemStyle: { color: '#9e9e9e' } },
        { name: dist.getAttribute('data-detractors'), type: 'bar', stack: 'all', data: d.detractors, itemStyle: { color: '#c62828' } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  var trend = document.getElementById('pulse-trend');
  if (trend && trend.getAttribute('data-trend')) {
    var t = JSON.parse(trend.getAttribute('data-trend'));
    var line = echarts.init(trend);
    line.setOption({
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      grid: { left: 48, right: 16, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: t.labels },
      yAxis: { type: 'value', min: -100, max: 100 },
      series: [{ name: trend.getAttribute('data-label'), type: 'line', data: t.enps, connectNulls: false, label: { show: true } }]
    });
    window.addEventListener('resize', function () { line.resize(); });
  }
})();
