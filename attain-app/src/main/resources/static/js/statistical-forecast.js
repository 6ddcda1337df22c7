// The statistical forecast chart: booked bookings by month, the forecast of the months to come with its 80 %
// interval as a shaded band (a transparent low line with the band's height stacked on it), and the backtest's
// one-month-ahead forecasts, from the JSON data block #statistical-forecast-data; the axis names the currency (21.4). Tooltips on the canvas (an HTML
// tooltip carries style attributes, which the Content Security Policy refuses).
(function () {
  function draw() {
    var data = document.getElementById('statistical-forecast-data');
    var el = document.querySelector('[data-chart=statistical-forecast]');
    if (!data || !el || !window.echarts || !window.AttainCharts) { return; }
    var C = window.AttainCharts;
    var c = JSON.parse(data.textContent || '{}');
    var fmt = C.format(0);
    function nums(a) { return (a || []).map(function (v) { return v == null ? null : Number(v); }); }
    C.init(el, {
      animation: false,
      tooltip: {trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v == null ? '–' : fmt.format(v); }},
      legend: C.legend({data: [c.bookedName, c.forecastName, c.bandName, c.checkedName]}),
      grid: {left: 8, right: 24, top: 36, bottom: 40, containLabel: true},
      xAxis: C.categoryAxis(c.months),
      yAxis: C.valueAxis(c.currency || '', fmt),
      series: [
        {name: 'low', type: 'line', data: nums(c.low), stack: 'interval', symbol: 'none', lineStyle: {opacity: 0}, tooltip: {show: false}},
        {name: c.bandName, type: 'line', data: nums(c.band), stack: 'interval', symbol: 'none', lineStyle: {opacity: 0}, areaStyle: {opacity: 0.25}, tooltip: {show: false}},
        {name: c.bookedName, type: 'line', data: nums(c.booked), symbolSize: 5},
        {name: c.checkedName, type: 'line', data: nums(c.checked), symbol: 'none', lineStyle: {type: 'dotted'}},
        {name: c.forecastName, type: 'line', data: nums(c.forecast), symbolSize: 6, lineStyle: {type: 'dashed', width: 2}}
      ]
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
