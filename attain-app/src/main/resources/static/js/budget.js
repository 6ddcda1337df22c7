// The budget vs actual chart from the JSON data block #budget-chart-data: actual spending per team as bars and each
// team's budget as its target, a dark mark across the bar (a bar that passes the mark is over budget). One currency on
// the axis, which names it and says when other currencies were converted (issue 21.4). Helpers in charts-common.js.
(function () {
  function draw() {
    var data = document.getElementById('budget-chart-data');
    var el = document.querySelector('[data-chart=budget]');
    if (!data || !el || !window.echarts || !window.AttainCharts) { return; }
    var C = window.AttainCharts;
    var c = JSON.parse(data.textContent || '{}');
    var fmt = C.format(0);
    var teams = c.teams || [];
    C.init(el, {
      animation: false,
      tooltip: C.tooltip(fmt, ' ' + (c.currency || '')),
      legend: C.legend(),
      grid: {left: 8, right: 24, top: 36, bottom: 40, containLabel: true},
      xAxis: C.categoryAxis(teams),
      yAxis: C.valueAxis(c.axis || c.currency || '', fmt),
      series: [
        {name: c.actualName, type: 'bar', data: (c.actual || []).map(Number), barMaxWidth: 48, itemStyle: {color: '#5b9bd5'}},
        {name: c.budgetName, type: 'scatter', data: (c.budget || []).map(Number), symbol: 'rect', symbolSize: [56, 4],
          itemStyle: {color: '#b3261e'}, z: 10}
      ]
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
