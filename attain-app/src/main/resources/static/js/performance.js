// Performance pages: the month-by-month funnel chart (data from the chart's attributes).
(function () {
  var el = document.getElementById('perf-chart');
  if (!el || !window.echarts || !el.getAttribute('data-chart')) {
    return;
  }
  var c = JSON.parse(el.getAttribute('data-chart'));
  function bar(key, data) { return { name: el.getAttribute('data-' + key), type: 'bar', data: data }; }
  function line(key, data) { return { name: el.getAttribute('data-' + key), type: 'line', yAxisIndex: 1, data: data }; }
  echarts.init(el).setOption({
    animation: false,
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { bottom: 0 },
    grid: { left: 56, right: 48, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: c.months },
    yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
    series: [bar('calls', c.calls), bar('meetings', c.meetings), line('opportunities', c.opportunities), line('wins', c.wins)]
  });
})();
