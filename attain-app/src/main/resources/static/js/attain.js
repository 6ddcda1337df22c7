// Sends the CSRF token with every htmx request, so server-side checks stay on for cookie sessions.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Live pages: when a calculation that touches what this user may see finishes, the server says so
// and the page's main content is fetched again, without a reload and without losing the scroll.
document.addEventListener('DOMContentLoaded', function () {
  if (!document.body.hasAttribute('data-live') || !window.EventSource) {
    return;
  }
  var source = new EventSource('/live');
  source.addEventListener('results', refreshMain);
  // A leaderboard page also listens to its board: a deal or an activity changes it before any calculation ends.
  var board = document.querySelector('[data-board-live]');
  if (board) {
    var boards = new EventSource(board.getAttribute('data-board-live'));
    boards.addEventListener('ready', function () {
      document.body.setAttribute('data-board-stream', 'open');
    });
    // Only the board's standing is fetched again (not the whole page with its menu): on two cores this is what
    // lets fifty open screens show a deal within a second.
    boards.addEventListener('board', function () { refreshStanding(board.getAttribute('data-board-standing')); });
  }
});

function refreshStanding(url) {
  if (!url || !window.htmx) {
    refreshMain();
    return;
  }
  htmx.ajax('GET', url, { target: '#board-standing', swap: 'outerHTML' }).then(function () {
    document.body.setAttribute('data-refreshed', String(Date.now()));
  });
}

function refreshMain() {
  // Never pull the page from under someone typing: offer the new numbers instead.
  if (document.querySelector('#main input:focus, #main textarea:focus, #main select:focus')) {
    var pending = document.getElementById('live-pending');
    if (pending) { pending.hidden = false; }
    return;
  }
  if (window.htmx) {
    htmx.ajax('GET', window.location.href, { target: '#main', select: '#main', swap: 'outerHTML' }).then(function () {
      document.body.setAttribute('data-refreshed', String(Date.now()));
      var note = document.getElementById('live-note');
      if (note) { note.hidden = false; }
    });
  }
}

// A select marked data-autosubmit sends its form when changed: the page's own script instead of an
// inline onchange, which the Content Security Policy refuses to run.
document.addEventListener('change', function (event) {
  var el = event.target;
  if (el.matches && el.matches('select[data-autosubmit]') && el.form) {
    el.form.submit();
  }
});

// A button with data-fill-from copies that field's value into every field matching data-fill (the
// quota sheet's "fill in"), instead of an inline onclick.
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('button[data-fill-from]');
  if (!button) {
    return;
  }
  var from = document.getElementById(button.getAttribute('data-fill-from'));
  document.querySelectorAll(button.getAttribute('data-fill')).forEach(function (field) {
    field.value = from.value;
  });
});
