// TV mode: shows one board at a time, moving on every data-seconds; after each full round the page reloads so
// the numbers are fresh. No data here: the server renders every board, this file only rotates them.
// Live: the screen listens to <this page>/live; when one of its boards changes, the page is fetched again and each
// board's content replaced in place (the rotation goes on where it was).
document.addEventListener('DOMContentLoaded', function () {
  var boards = document.querySelectorAll('.tv-board');
  var seconds = parseInt(document.body.getAttribute('data-seconds'), 10) || 15;
  var index = 0;
  if (boards.length === 0) {
    return;
  }
  window.setInterval(function () {
    boards[index].classList.remove('current');
    index = index + 1;
    if (index >= boards.length) {
      window.location.reload();
      return;
    }
    boards[index].classList.add('current');
    document.body.setAttribute('data-current', String(index));
  }, seconds * 1000);

  if (document.body.getAttribute('data-live') !== 'tv' || !window.EventSource) {
    return;
  }
  var source = new EventSource(window.location.pathname.replace(/\/$/, '') + '/live');
  source.addEventListener('ready', function () {
    document.body.setAttribute('data-board-stream', 'open');
  });
  source.addEventListener('board', function () {
    fetch(window.location.href, { credentials: 'omit' }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html === null) {
        return;
      }
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      boards.forEach(function (board) {
        var again = fresh.querySelector('.tv-board[data-board="' + board.getAttribute('data-board') + '"]');
        if (again) {
          board.innerHTML = again.innerHTML;
        }
      });
      document.body.setAttribute('data-refreshed', String(Date.now()));
    });
  });
});
