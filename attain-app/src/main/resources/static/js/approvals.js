// Approvals: the header checkbox ticks or clears every unchanged payout on this page for bulk approval.
(function () {
  var all = document.getElementById('approvals-select-all');
  if (!all) { return; }
  var picks = function () { return document.querySelectorAll('input.approvals-pick'); };
  all.addEventListener('change', function () {
    picks().forEach(function (p) { p.checked = all.checked; });
  });
  document.addEventListener('change', function (e) {
    if (!e.target.classList || !e.target.classList.contains('approvals-pick')) { return; }
    var boxes = Array.prototype.slice.call(picks());
    all.checked = boxes.every(function (p) { return p.checked; });
  });
})();
