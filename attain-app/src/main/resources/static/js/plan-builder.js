// The plan builder: table rows added and removed in the browser (the server reads each column's inputs in order),
// and each curve or tier table drawn as it is typed (echarts; tooltips on the canvas, as the CSP refuses style
// attributes).
(function () {
  function tableOf(name) {
    return document.querySelector('table[data-table="' + name + '"]');
  }

  function number(input) {
    if (!input || input.value.trim() === '') { return null; }
    var v = Number(input.value.trim().replace(',', '.'));
    return isNaN(v) ? null : v;
  }

  function column(row, key) {
    return row.querySelector('input[data-col="' + key + '"]');
  }

  // A curve: pay (or share) at each point, joined by straight lines; held flat after the last point.
  function curveData(table) {
    var points = [];
    table.querySelectorAll('tbody tr').forEach(function (row) {
      var at = number(column(row, 'at'));
      var value = number(column(row, 'value'));
      if (at != null && value != null) { points.push([at, value]); }
    });
    points.sort(function (a, b) { return a[0] - b[0]; });
    if (points.length) { points.push([points[points.length - 1][0] * 1.25 || 1, points[points.length - 1][1]]); }
    return {series: [{type: 'line', data: points, symbolSize: 7}]};
  }

  // Tiers: the rate of each tier as a step from its start to its end (an open last tier drawn a quarter further).
  function tierData(table) {
    var data = [];
    var last = 0;
    table.querySelectorAll('tbody tr').forEach(function (row) {
      var from = number(column(row, 'from'));
      var to = number(column(row, 'to'));
      var rate = number(column(row, 'rate'));
      if (from == null || rate == null) { return; }
      var end = to != null ? to : Math.max(from * 1.25, from + 0.25);
      data.push([from, rate * 100], [end, rate * 100]);
      last = Math.max(last, end);
    });
    return {series: [{type: 'line', data: data, symbolSize: 5, areaStyle: {opacity: 0.15}}]};
  }

  function draw(el) {
    if (!window.echarts) { return; }
    var table = tableOf(el.getAttribute('data-table'));
    if (!table) { return; }
    var curve = el.getAttribute('data-builder-chart') === 'curve';
    var chart = echarts.getInstanceByDom(el) || echarts.init(el);
    var locale = document.documentElement.lang || 'en';
    var fmt = new Intl.NumberFormat(locale, {maximumFractionDigits: 2});
    var data = curve ? curveData(table) : tierData(table);
    chart.setOption({
      animation: false,
      grid: {left: 8, right: 16, top: 24, bottom: 28, containLabel: true},
      tooltip: {trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return fmt.format(v); }},
      xAxis: {type: 'value', name: el.getAttribute('data-x-label'), nameLocation: 'middle', nameGap: 22, scale: false,
        axisLabel: {formatter: function (v) { return fmt.format(v); }}},
      yAxis: {type: 'value', name: el.getAttribute('data-y-label'), axisLabel: {formatter: function (v) { return fmt.format(v); }}},
      series: data.series
    }, true);
  }

  function redraw(table) {
    document.querySelectorAll('[data-builder-chart]').forEach(function (el) {
      if (!table || el.getAttribute('data-table') === table.getAttribute('data-table')) { draw(el); }
    });
  }

  function init() {
    document.addEventListener('click', function (e) {
      var add = e.target.closest('[data-add-row]');
      if (add) {
        var name = add.getAttribute('data-add-row');
        var template = document.querySelector('template[data-row-for="' + name + '"]');
        var table = tableOf(name);
        if (template && table) {
          var row = template.content.firstElementChild.cloneNode(true);
          table.querySelector('tbody').appendChild(row);
          var first = row.querySelector('input, select');
          if (first) { first.focus(); }
        }
        return;
      }
      var remove = e.target.closest('[data-remove-row]');
      if (remove) {
        var tr = remove.closest('tr');
        var owner = tr.closest('table');
        tr.remove();
        redraw(owner);
      }
    });
    document.addEventListener('input', function (e) {
      var table = e.target.closest && e.target.closest('table[data-table]');
      if (table) { redraw(table); }
    });
    redraw(null);
    window.addEventListener('resize', function () {
      document.querySelectorAll('[data-builder-chart]').forEach(function (el) {
        var chart = window.echarts && echarts.getInstanceByDom(el);
        if (chart) { chart.resize(); }
      });
    });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
