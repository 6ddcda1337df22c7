// Report and finance charts: bar charts from the page's JSON data block #report-charts, one series
// per currency, never summed across. No animation, so screenshots and people who prefer reduced
// motion see the final bars at once. Tooltips are drawn on the canvas (richText): an HTML tooltip
// carries style attributes, which the Content Security Policy refuses.
(function () {
  var data = document.getElementById('report-charts');
  if (!data || !window.echarts) { return; }
  var charts = JSON.parse(data.textContent || '{}');
  var locale = document.documentElement.lang || 'en';
  var fmt = new Intl.NumberFormat(locale, {maximumFractionDigits: 2});
  Object.keys(charts).forEach(function (key) {
    var el = document.getElementById('chart-' + key);
    if (!el) { return; }
    var c = charts[key];
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v == null ? '–' : fmt.format(v); }},
      legend: {show: c.series.length > 1, type: 'scroll', bottom: 0},
      grid: {left: 8, right: 8, top: 16, bottom: c.series.length > 1 ? 40 : 8, containLabel: true},
      xAxis: {type: 'category', data: c.categories, axisLabel: {interval: 0, rotate: c.categories.length > 4 ? 30 : 0}},
      yAxis: {type: 'value', axisLabel: {formatter: function (v) { return fmt.format(v); }}},
      series: c.series.map(function (s) { return {name: s.name, type: 'bar', stack: s.stack || undefined, data: s.data}; })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
