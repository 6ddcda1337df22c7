// The what-if estimate on screen always belongs to what the fields say now. The server answers each
// submit with the whole card (form, messages and an estimate only when every field was read); this
// takes the old estimate away as soon as a field changes or a new estimate is asked for, and says so
// when no answer comes, so an earlier number is never left standing beside different input.
(function () {
  if (window.attainWhatIf) {
    return; // the home page's main part can be loaded again (live updates), bringing this script again
  }
  window.attainWhatIf = true;

  function whatIfForm(element) {
    return element && element.closest ? element.closest('form.what-if-form') : null;
  }

  function clearEstimate(form, message) {
    var card = form.closest('[data-test=what-if]');
    var result = card && card.querySelector('#what-if-result');
    if (!result) {
      return;
    }
    result.textContent = '';
    if (message) {
      var problem = document.createElement('div');
      problem.className = 'problem';
      problem.setAttribute('role', 'alert');
      problem.setAttribute('data-test', 'what-if-failed');
      problem.textContent = message;
      result.appendChild(problem);
    }
  }

  ['input', 'change'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var form = whatIfForm(event.target);
      if (form) {
        clearEstimate(form);
      }
    });
  });

  document.addEventListener('htmx:beforeRequest', function (event) {
    var form = whatIfForm(event.detail.elt);
    if (form) {
      clearEstimate(form);
    }
  });

  ['htmx:responseError', 'htmx:sendError', 'htmx:timeout'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var form = whatIfForm(event.detail.elt);
      if (form) {
        clearEstimate(form, form.getAttribute('data-failed'));
      }
    });
  });
})();
