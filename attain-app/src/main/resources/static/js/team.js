// Team page: the trend chart (data from the chart's attributes), and a table that sorts by column and
// filters by text without a reload.
(function () {
  var el = document.getElementById('trend');
  if (el && window.echarts && el.getAttribute('data-trend')) {
    var trend = JSON.parse(el.getAttribute('data-trend'));
    var series = Object.keys(trend.byRep).map(function (name) {
      return { name: name, type: 'line', data: trend.byRep[name].map(pct), lineStyle: { width: 1, opacity: 0.45 }, symbol: 'none' };
    });
    series.unshift({ name: el.getAttribute('data-median-label'), type: 'line', data: trend.median.map(pct), lineStyle: { width: 4 }, z: 10 });
    echarts.init(el).setOption({
      tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v == null ? '–' : v + ' %'; } },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 64, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: trend.periods },
      yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
      series: series
    });
  }
  function pct(v) { return v == null ? null : Math.round(Number(v) * 1000) / 10; }

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
