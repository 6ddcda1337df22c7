// The commission expense chart: capitalised (up), amortised and written off (down) as bars per period and the
// closing deferred balance as a line, from the JSON data block #expense-chart-data. Tooltips drawn on the
// canvas (an HTML tooltip carries style attributes, which the Content Security Policy refuses).
(function () {
  function draw() {
    var data = document.getElementById('expense-chart-data');
    var el = document.querySelector('[data-chart=expense]');
    if (!data || !el || !window.echarts) { return; }
    var c = JSON.parse(data.textContent || '{}');
    var locale = document.documentElement.lang || 'en';
    var fmt = new Intl.NumberFormat(locale, {maximumFractionDigits: 0});
    var series = (c.series || []).map(function (s) {
      return {name: s.name, type: s.type, stack: s.type === 'bar' ? 'moves' : undefined, data: (s.data || []).map(Number), symbolSize: 6};
    });
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v == null ? '–' : fmt.format(v); }},
      legend: {bottom: 0},
      grid: {left: 8, right: 8, top: 16, bottom: 40, containLabel: true},
      xAxis: {type: 'category', data: c.periods},
      yAxis: {type: 'value', axisLabel: {formatter: function (v) { return fmt.format(v); }}},
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
