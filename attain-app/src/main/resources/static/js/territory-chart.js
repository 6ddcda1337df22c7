// The territories page's treemap: the hierarchy from the JSON data block #territory-chart, each box sized by
// the accounts that land in it; the tooltip adds the employees of those accounts (a measure of potential).
// No animation, so screenshots show the final boxes; tooltips are drawn on the canvas (CSP: no inline styles).
(function () {
  var data = document.getElementById('territory-chart');
  var el = document.getElementById('territory-treemap');
  if (!data || !el || !window.echarts) { return; }
  var tree = JSON.parse(data.textContent || '[]');
  var locale = document.documentElement.lang || 'en';
  var fmt = new Intl.NumberFormat(locale);
  var accounts = el.getAttribute('data-accounts');
  var employees = el.getAttribute('data-employees');
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,
    tooltip: {
      renderMode: 'richText',
      formatter: function (p) {
        var d = p.data || {};
        return (d.name || '') + '\n' + accounts + ': ' + fmt.format(d.accounts || 0) + '\n' + employees + ': ' + fmt.format(d.employees || 0);
      }
    },
    series: [{
      type: 'treemap', data: tree, roam: false, nodeClick: false, leafDepth: null,
      breadcrumb: {show: false}, top: 4, left: 4, right: 4, bottom: 4,
      label: {show: true, lineHeight: 16, formatter: function (p) { return p.name + '\n' + fmt.format(p.value || 0); }},
      upperLabel: {show: true, height: 20, formatter: function (p) {
        return p.name ? p.name + ' · ' + fmt.format(p.value || 0) : '';
      }},
      levels: [
        {itemStyle: {borderWidth: 3, gapWidth: 3}},
        {itemStyle: {borderWidth: 2, gapWidth: 2}},
        {itemStyle: {borderWidth: 1, gapWidth: 1}},
        {itemStyle: {borderWidth: 0, gapWidth: 1}}
      ]
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
