// Shared chart helpers (issue 21.4, honest charts): every chart page loads this before its own script.
// - legend(): a scroll legend at the bottom that pages instead of being cut off;
// - categoryAxis(): labels that never overlap (upright when many, truncated when long, hidden when they still collide);
// - valueAxis(): a value axis with its unit as the axis name (one currency per axis: "USD" or "USD, converted at …");
// - targetLine(): the target as a dashed line across the plot (a markLine on a series);
// - init(): echarts.init with the resize handler, and the element marked data-chart-drawn for tests.
// No animation, so screenshots see the final chart; tooltips drawn on the canvas (an HTML tooltip carries style
// attributes, which the Content Security Policy refuses).
(function () {
  var locale = document.documentElement.lang || 'en';

  function format(digits) {
    return new Intl.NumberFormat(locale, {maximumFractionDigits: digits == null ? 0 : digits});
  }

  function legend(extra) {
    var l = {type: 'scroll', bottom: 0, left: 8, right: 8, pageIconSize: 11, textStyle: {overflow: 'truncate', width: 160}};
    Object.keys(extra || {}).forEach(function (k) { l[k] = extra[k]; });
    return l;
  }

  function categoryAxis(labels, extra) {
    var n = (labels || []).length;
    var a = {
      type: 'category',
      data: labels || [],
      axisLabel: {
        interval: n > 12 ? 'auto' : 0,
        // Many labels stand upright under their ticks: a slanted first label reaches past the chart's left edge.
        rotate: n > 8 ? 90 : 0,
        hideOverlap: true,
        width: n > 8 ? 110 : 96,
        overflow: 'truncate'
      }
    };
    Object.keys(extra || {}).forEach(function (k) { a[k] = extra[k]; });
    return a;
  }

  function valueAxis(name, fmt, extra) {
    var f = fmt || format(0);
    var a = {
      type: 'value',
      name: name || '',
      nameLocation: 'end',
      nameTextStyle: {align: 'left', color: '#555'},
      axisLabel: {formatter: function (v) { return f.format(v); }, hideOverlap: true}
    };
    Object.keys(extra || {}).forEach(function (k) { a[k] = extra[k]; });
    return a;
  }

  // The target as a dashed line at one value (e.g. 100 % or a quota); label names it.
  function targetLine(value, label, fmt) {
    var f = fmt || format(0);
    return {
      symbol: 'none',
      silent: true,
      lineStyle: {type: 'dashed', color: '#b3261e', width: 2},
      label: {position: 'insideEndTop', formatter: function () { return label + ' ' + f.format(value); }},
      data: [{yAxis: value, name: label}]
    };
  }

  // A series drawing only the target line (no bars or points), so it shows in the legend and the option.
  function targetSeries(value, label, fmt) {
    return {name: label, type: 'line', data: [], markLine: targetLine(value, label, fmt), itemStyle: {color: '#b3261e'},
      lineStyle: {type: 'dashed', color: '#b3261e'}};
  }

  // An axis maximum that keeps a target line inside the plot when every bar stays below it; otherwise (null) the axis
  // keeps its own round maximum.
  function reaching(value) {
    return function (extent) { return extent.max >= value ? null : value * 1.08; };
  }

  function tooltip(fmt, suffix) {
    var f = fmt || format(0);
    return {trigger: 'axis', renderMode: 'richText', confine: true,
      valueFormatter: function (v) { return v == null ? '–' : f.format(v) + (suffix || ''); }};
  }

  function init(el, option) {
    var existing = echarts.getInstanceByDom(el);
    if (existing) { existing.dispose(); }
    var chart = echarts.init(el);
    chart.setOption(option);
    el.setAttribute('data-chart-drawn', 'true');
    if (!el.hasAttribute('data-chart-resizes')) {
      el.setAttribute('data-chart-resizes', 'true');
      window.addEventListener('resize', function () {
        var current = echarts.getInstanceByDom(el);
        if (current) { current.resize(); }
      });
    }
    return chart;
  }

  window.AttainCharts = {
    locale: locale,
    format: format,
    legend: legend,
    categoryAxis: categoryAxis,
    valueAxis: valueAxis,
    targetLine: targetLine,
    targetSeries: targetSeries,
    tooltip: tooltip,
    reaching: reaching,
    init: init
  };
})();
