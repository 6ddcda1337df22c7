// TV mode: shows one board at a time, moving on every data-seconds; after each full round the page reloads so
// the numbers are fresh. No data here: the server renders every board, this file only rotates them.
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
});
