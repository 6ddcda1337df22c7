// Quota plan page: the waterfall from a parent's number down through each report's share (data from the
// chart's attributes). Each report's bar floats on what the reports after it still carry, so the last ends at 0.
(function () {
  var el = document.getElementById('waterfall');
  if (!el || !window.echarts || !el.getAttribute('data-waterfall')) {
    return;
  }
  var data = JSON.parse(el.getAttribute('data-waterfall'));
  var names = [data.parent];
  var base = [0];
  var bars = [Number(data.amount)];
  var left = Number(data.amount);
  data.children.forEach(function (c) {
    var amount = Number(c.amount);
    left -= amount;
    names.push(c.name);
    base.push(Math.max(left, 0));
    bars.push(amount);
  });
  var format = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 2 });
  echarts.init(el).setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText',
      formatter: function (params) {
        var bar = params.filter(function (p) { return p.seriesIndex === 1; })[0];
        return bar ? bar.name + ': ' + format.format(bar.value) : '';
      } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    // Issue 21.4: names that never overlap (rotated, truncated, hidden when they still collide): charts-common.js.
    xAxis: window.AttainCharts ? window.AttainCharts.categoryAxis(names)
      : { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: function (v) { return format.format(v); } } },
    series: [
      { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: base },
      { type: 'bar', stack: 'w', name: el.getAttribute('data-label'), data: bars.map(function (v, i) {
        return { value: v, itemStyle: { color: i === 0 ? '#1f4e79' : '#5b9bd5' } };
      }), label: { show: names.length <= 12, position: 'inside', formatter: function (p) { return format.format(p.value); } } }
    ]
  });
})();
