// The commission expense chart: capitalised (up), amortised and written off (down) as bars per period and the
// closing deferred balance as a line, from the JSON data block #expense-chart-data; the axis names the currency (21.4). Tooltips drawn on the
// canvas (an HTML tooltip carries style attributes, which the Content Security Policy refuses).
(function () {
  function draw() {
    var data = document.getElementById('expense-chart-data');
    var el = document.querySelector('[data-chart=expense]');
    if (!data || !el || !window.echarts || !window.AttainCharts) { return; }
    var C = window.AttainCharts;
    var c = JSON.parse(data.textContent || '{}');
    var fmt = C.format(0);
    var series = (c.series || []).map(function (s) {
      return {name: s.name, type: s.type, stack: s.type === 'bar' ? 'moves' : undefined, data: (s.data || []).map(Number), symbolSize: 6};
    });
    C.init(el, {
      animation: false,
      tooltip: {trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v == null ? '–' : fmt.format(v); }},
      legend: C.legend(),
      grid: {left: 8, right: 24, top: 36, bottom: 40, containLabel: true},
      xAxis: C.categoryAxis(c.periods),
      yAxis: C.valueAxis(c.axis || c.currency || '', fmt),
      series: series
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
