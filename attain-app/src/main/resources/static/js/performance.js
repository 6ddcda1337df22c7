// Performance pages: the month-by-month funnel chart (data from the chart's attributes).
(function () {
  var el = document.getElementById('perf-chart');
  if (!el || !window.echarts || !window.AttainCharts || !el.getAttribute('data-chart')) {
    return;
  }
  var C = window.AttainCharts;
  var c = JSON.parse(el.getAttribute('data-chart'));
  function bar(key, data) { return { name: el.getAttribute('data-' + key), type: 'bar', data: data }; }
  function line(key, data) { return { name: el.getAttribute('data-' + key), type: 'line', yAxisIndex: 1, data: data }; }
  // Issue 21.4: both axes count (no currency), each named by what it counts; the numbers are in the table below.
  C.init(el, {
    animation: false,
    tooltip: C.tooltip(C.format(0)),
    legend: C.legend(),
    grid: { left: 8, right: 8, top: 36, bottom: 40, containLabel: true },
    xAxis: C.categoryAxis(c.months),
    yAxis: [C.valueAxis(el.getAttribute('data-calls') + ', ' + el.getAttribute('data-meetings'), C.format(0), { minInterval: 1 }),
      C.valueAxis(el.getAttribute('data-opportunities') + ', ' + el.getAttribute('data-wins'), C.format(0),
        { minInterval: 1, splitLine: { show: false }, nameTextStyle: { align: 'right', color: '#555' } })],
    series: [bar('calls', c.calls), bar('meetings', c.meetings), line('opportunities', c.opportunities), line('wins', c.wins)]
  });
})();
