// The executive page's charts from #executive-chart-data: bookings as bars against the quarter's target as a dashed
// line, and actual spending per category against its budget as a mark across the bar. One currency (the summary's)
// named on each axis (issue 21.4). Helpers in charts-common.js.
(function () {
  function bars(C, el, labels, series, currency, fmt) {
    C.init(el, {
      animation: false,
      tooltip: C.tooltip(fmt, ' ' + currency),
      legend: C.legend(),
      grid: {left: 8, right: 24, top: 36, bottom: 40, containLabel: true},
      xAxis: C.categoryAxis(labels),
      yAxis: C.valueAxis(currency, fmt),
      series: series
    });
  }
  function draw() {
    var data = document.getElementById('executive-chart-data');
    if (!data || !window.echarts || !window.AttainCharts) { return; }
    var C = window.AttainCharts;
    var c = JSON.parse(data.textContent || '{}');
    var fmt = C.format(0);
    var num = function (xs) { return (xs || []).map(function (v) { return v == null ? null : Number(v); }); }; // no target: no point, not 0
    var b = document.querySelector('[data-chart=executive-bookings]');
    if (b) {
      bars(C, b, c.quarters || [], [
        {name: c.bookingsName, type: 'bar', data: num(c.bookings), barMaxWidth: 56},
        {name: c.targetName, type: 'line', data: num(c.target), symbolSize: 6, lineStyle: {type: 'dashed', width: 2, color: '#b3261e'},
          itemStyle: {color: '#b3261e'}}
      ], c.currency || '', fmt);
    }
    var u = document.querySelector('[data-chart=executive-budget]');
    if (u) {
      bars(C, u, c.categories || [], [
        {name: c.actualName, type: 'bar', data: num(c.actual), barMaxWidth: 56, itemStyle: {color: '#5b9bd5'}},
        {name: c.budgetName, type: 'scatter', data: num(c.budget), symbol: 'rect', symbolSize: [64, 4], itemStyle: {color: '#b3261e'}, z: 10}
      ], c.currency || '', fmt);
    }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
