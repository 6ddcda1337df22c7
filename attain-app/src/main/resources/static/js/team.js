// Team page: the trend chart (data from the chart's attributes), and a table that sorts by column and
// filters by text without a reload.
(function () {
  // Issue 21.4: no spaghetti. The team median is the one bold line, against the 100 % target; each rep is a thin
  // grey line that comes forward when hovered, and the rep chosen in #trend-rep is drawn in colour and named in the
  // legend (keyboard and screen readers reach the numbers in the table view below).
  var el = document.getElementById('trend');
  if (el && window.echarts && window.AttainCharts && el.getAttribute('data-trend')) {
    var C = window.AttainCharts;
    var trend = JSON.parse(el.getAttribute('data-trend'));
    var fmt = C.format(1);
    var medianName = el.getAttribute('data-median-label');
    var targetName = el.getAttribute('data-target-label');
    var picker = document.getElementById('trend-rep');
    var drawTrend = function () {
      var chosen = picker ? picker.value : '';
      var series = [{name: medianName, type: 'line', data: trend.median.map(pct), lineStyle: {width: 4, color: '#1f4e79'},
        itemStyle: {color: '#1f4e79'}, z: 10, markLine: C.targetLine(100, targetName, fmt)}];
      Object.keys(trend.byRep).forEach(function (name) {
        var mine = name === chosen;
        series.push({name: name, type: 'line', data: trend.byRep[name].map(pct), symbol: mine ? 'circle' : 'none',
          z: mine ? 20 : 1, lineStyle: mine ? {width: 3, color: '#d9822b'} : {width: 1, color: '#c3c9d0'},
          itemStyle: {color: mine ? '#d9822b' : '#c3c9d0'}, emphasis: {focus: 'series', lineStyle: {width: 3}}});
      });
      C.init(el, {
        animation: false,
        tooltip: {trigger: 'item', renderMode: 'richText', confine: true,
          formatter: function (p) { return p.seriesName + ' · ' + p.name + ': ' + (p.value == null ? '–' : fmt.format(p.value) + ' %'); }},
        legend: C.legend({data: chosen ? [medianName, chosen] : [medianName]}),
        grid: {left: 8, right: 24, top: 36, bottom: 40, containLabel: true},
        xAxis: C.categoryAxis(trend.periods),
        yAxis: C.valueAxis(el.getAttribute('data-axis'), fmt, {max: C.reaching(100),
          axisLabel: {formatter: function (v) { return fmt.format(v) + ' %'; }, hideOverlap: true}}),
        series: series
      });
    };
    drawTrend();
    if (picker) { picker.addEventListener('change', drawTrend); }
  }
  // The server sends percentages already rounded half-up to one decimal (the table below shows the same numbers).
  function pct(v) { return v == null ? null : Number(v); }

  document.querySelectorAll('table.sortable th button[data-sort]').forEach(function (button) {
    button.addEventListener('click', function () {
      var th = button.closest('th');
      var table = th.closest('table');
      var index = Array.prototype.indexOf.call(th.parentNode.children, th);
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      rows.sort(function (a, b) {
        var x = key(a.cells[index], button.dataset.sort), y = key(b.cells[index], button.dataset.sort);
        return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
      });
      rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
    });
  });
  function key(cell, kind) {
    if (kind === 'number') {
      var v = cell.getAttribute('data-value');
      return v === null || v === '' ? -Infinity : Number(v);
    }
    return cell.textContent.trim().toLowerCase();
  }

  document.querySelectorAll('input[data-filter-table]').forEach(function (input) {
    input.addEventListener('input', function () {
      var needle = input.value.trim().toLowerCase();
      var table = document.getElementById(input.dataset.filterTable);
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = needle !== '' && row.textContent.toLowerCase().indexOf(needle) < 0;
      });
    });
  });
})();
