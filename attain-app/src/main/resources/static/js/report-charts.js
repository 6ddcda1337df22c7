// Report and finance charts: bar charts from the page's JSON data block #report-charts. Amounts are in one
// currency per axis (the server converts the others to the company currency and names the axis "USD, converted
// at …"); a chart with a target (team vs target: 100 %) draws it as a dashed line. Shared helpers in charts-common.js.
(function () {
  var data = document.getElementById('report-charts');
  if (!data || !window.echarts || !window.AttainCharts) { return; }
  var C = window.AttainCharts;
  var charts = JSON.parse(data.textContent || '{}');
  Object.keys(charts).forEach(function (key) {
    var el = document.getElementById('chart-' + key);
    if (!el) { return; }
    var c = charts[key];
    var percent = c.unit === '%';
    var fmt = C.format(percent ? 1 : 0);
    var series = c.series.map(function (s) { return {name: s.name, type: 'bar', stack: s.stack || undefined, data: s.data}; });
    if (c.target != null && series.length > 0) {
      series[0].markLine = C.targetLine(Number(c.target), c.targetName || '', fmt);
    }
    var legend = c.series.length > 1;
    var y = {};
    if (percent) { y.axisLabel = {formatter: function (v) { return fmt.format(v) + ' %'; }, hideOverlap: true}; }
    if (c.target != null) { y.max = C.reaching(Number(c.target)); }
    C.init(el, {
      animation: false,
      tooltip: C.tooltip(fmt, percent ? ' %' : ''),
      legend: C.legend({show: legend}),
      grid: {left: 8, right: 24, top: 36, bottom: legend ? 40 : 8, containLabel: true},
      xAxis: C.categoryAxis(c.categories),
      yAxis: C.valueAxis(c.axis || '', fmt, y),
      series: series
    });
  });
})();
