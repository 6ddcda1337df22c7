// The forecast chart: the cumulative categories and the weighted pipeline as bars against the quota as a line,
// from the JSON data block #forecast-chart-data. No animation; tooltips drawn on the canvas (an HTML tooltip
// carries style attributes, which the Content Security Policy refuses).
(function () {
  function draw() {
    var data = document.getElementById('forecast-chart-data');
    var el = document.querySelector('[data-chart=forecast]');
    if (!data || !el || !window.echarts) { return; }
    var c = JSON.parse(data.textContent || '{}');
    var locale = document.documentElement.lang || 'en';
    var fmt = new Intl.NumberFormat(locale, {maximumFractionDigits: 0});
    var values = (c.values || []).map(Number);
    var series = [{name: c.valueName, type: 'bar', data: values, label: {show: true, position: 'top', formatter: function (p) { return fmt.format(p.value); }}}];
    if (c.quota != null) {
      var q = Number(c.quota);
      series.push({name: c.quotaName, type: 'line', data: values.map(function () { return q; }), symbol: 'none', lineStyle: {type: 'dashed'}});
    }
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v == null ? '–' : fmt.format(v); }},
      legend: {bottom: 0},
      grid: {left: 8, right: 8, top: 24, bottom: 40, containLabel: true},
      xAxis: {type: 'category', data: c.categories},
      yAxis: {type: 'value', axisLabel: {formatter: function (v) { return fmt.format(v); }}},
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
