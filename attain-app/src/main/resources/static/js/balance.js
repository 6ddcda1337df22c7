// The balancing page: while a run searches, the progress bar follows it (the job list of the API, polled; no
// inline script: the Content Security Policy refuses those) and the page reloads once the run is done or
// stopped. A finished run's charts: per metric, each territory's total before and after as bars, with the
// band's bounds drawn as dashed lines. No animation, so screenshots show the final bars; tooltips on the canvas.
(function () {
  var progress = document.querySelector('[data-test=progress]');
  if (progress) {
    var id = Number(progress.getAttribute('data-job'));
    var state = progress.getAttribute('data-state');
    var bar = document.getElementById('balance-progress');
    var text = progress.querySelector('[data-test=progress-text]');
    var template = progress.getAttribute('data-text') || '{0} %';
    var poll = function () {
      fetch(progress.getAttribute('data-poll'), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (jobs) {
          var job = (jobs || []).filter(function (j) { return j.id === id; })[0];
          if (!job) { return; }
          bar.value = job.percentOfTimeLimit;
          bar.textContent = job.percentOfTimeLimit + ' %';
          text.textContent = template.replace('{0}', job.percentOfTimeLimit)
            .replace('{1}', Math.floor(job.elapsedMillis / 1000))
            .replace('{2}', job.bestScore || '–');
          if (job.state !== 'RUNNING' && job.state !== 'QUEUED') {
            window.location.replace(window.location.pathname + '?job=' + id);
            return;
          }
          progress.setAttribute('data-percent', String(job.percentOfTimeLimit));
          window.setTimeout(poll, 700);
        })
        .catch(function () { window.setTimeout(poll, 2000); });
    };
    if (state === 'RUNNING' || state === 'QUEUED') { window.setTimeout(poll, 300); }
  }

  var data = document.getElementById('balance-chart-data');
  if (!data || !window.echarts) { return; }
  var charts = JSON.parse(data.textContent || '[]');
  var labels = document.getElementById('balance-chart-labels');
  var locale = document.documentElement.lang || 'en';
  var fmt = new Intl.NumberFormat(locale, {maximumFractionDigits: 0});
  var drawn = [];
  charts.forEach(function (c, i) {
    var el = document.querySelector('[data-balance-chart="' + i + '"]');
    if (!el) { return; }
    var chart = echarts.init(el);
    var band = labels.getAttribute('data-band');
    var lines = [];
    if (c.low != null) { lines.push({yAxis: c.low, name: band}); }
    if (c.high != null) { lines.push({yAxis: c.high, name: band}); }
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v == null ? '–' : fmt.format(v); }},
      // Issue 21.4: a scroll legend and territory names that never overlap (charts-common.js).
      legend: window.AttainCharts ? window.AttainCharts.legend() : {bottom: 0},
      grid: {left: 8, right: 16, top: 24, bottom: 48, containLabel: true},
      xAxis: window.AttainCharts ? window.AttainCharts.categoryAxis(c.territories)
        : {type: 'category', data: c.territories, axisLabel: {interval: 0, rotate: c.territories.length > 8 ? 45 : 0, fontSize: 10}},
      yAxis: {type: 'value', axisLabel: {formatter: function (v) { return fmt.format(v); }}},
      series: [
        {name: labels.getAttribute('data-before'), type: 'bar', data: c.before, itemStyle: {color: '#b8c2cc'}},
        {name: labels.getAttribute('data-after'), type: 'bar', data: c.after, itemStyle: {color: '#2f6fb0'},
          markLine: {symbol: 'none', silent: true, data: lines,
            lineStyle: {type: 'dashed', color: '#1e8a4c', width: 2},
            label: {formatter: function (p) { return band + ' ' + fmt.format(p.value); }, position: 'insideEndTop'}}}
      ]
    });
    drawn.push(chart);
  });
  window.addEventListener('resize', function () { drawn.forEach(function (c) { c.resize(); }); });
})();
