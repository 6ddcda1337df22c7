// The forecast chart: the cumulative categories and the weighted pipeline as bars against the quota as the target
// line, from the JSON data block #forecast-chart-data. The axis names the forecast's one currency (issue 21.4).
// Helpers in charts-common.js.
(function () {
  function draw() {
    var data = document.getElementById('forecast-chart-data');
    var el = document.querySelector('[data-chart=forecast]');
    if (!data || !el || !window.echarts || !window.AttainCharts) { return; }
    var C = window.AttainCharts;
    var c = JSON.parse(data.textContent || '{}');
    var fmt = C.format(0);
    var values = (c.values || []).map(Number);
    var series = [{name: c.valueName, type: 'bar', data: values, barMaxWidth: 56,
      label: {show: true, position: 'top', formatter: function (p) { return fmt.format(p.value); }}}];
    var quota = c.quota == null ? null : Number(c.quota);
    if (quota != null) {
      series[0].markLine = C.targetLine(quota, c.quotaName, fmt);
    }
    C.init(el, {
      animation: false,
      tooltip: C.tooltip(fmt, ' ' + (c.currency || '')),
      legend: C.legend(),
      grid: {left: 8, right: 24, top: 36, bottom: 40, containLabel: true},
      xAxis: C.categoryAxis(c.categories),
      yAxis: C.valueAxis(c.currency || '', fmt, quota != null ? {max: C.reaching(quota)} : {}),
      series: series
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
