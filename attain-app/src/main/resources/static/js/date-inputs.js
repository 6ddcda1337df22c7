// German date inputs (issue 21.6): a native <input type=date> is shown in the browser's own language,
// so a browser in English shows mm/dd/yyyy on a German page. On a German page in a browser of another
// language, each date input becomes a text input written TT.MM.JJJJ; what is sent stays ISO (yyyy-mm-dd),
// converted as the form is submitted (plain and htmx), so the server reads dates as it always has.
(function () {
  'use strict';
  var page = (document.documentElement.getAttribute('lang') || '').toLowerCase();
  var browser = (navigator.language || '').toLowerCase();
  if (page.indexOf('de') !== 0 || browser.indexOf('de') === 0) {
    return;
  }
  var GERMAN = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/;
  var ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
  function pad(n) { return (n.length === 1 ? '0' : '') + n; }
  function toIso(v) {
    var m = GERMAN.exec(v || '');
    return m ? m[3] + '-' + pad(m[2]) + '-' + pad(m[1]) : v;
  }
  function toGerman(v) {
    var m = ISO.exec(v || '');
    return m ? m[3] + '.' + m[2] + '.' + m[1] : v;
  }
  function convert(root) {
    root.querySelectorAll('input[type=date]').forEach(function (input) {
      var value = input.value;
      input.type = 'text';
      input.setAttribute('data-german-date', '');
      input.setAttribute('inputmode', 'numeric');
      input.setAttribute('autocomplete', 'off');
      if (!input.placeholder) {
        input.placeholder = 'TT.MM.JJJJ';
      }
      input.value = toGerman(value);
    });
  }
  function isoBeforeSending(form) {
    form.querySelectorAll('input[data-german-date]').forEach(function (input) {
      input.value = toIso(input.value);
    });
  }
  function start() {
    convert(document);
    document.addEventListener('submit', function (e) { isoBeforeSending(e.target); }, true);
    document.body.addEventListener('htmx:configRequest', function (e) {
      var elt = e.detail.elt;
      var form = elt && (elt.tagName === 'FORM' ? elt : elt.closest && elt.closest('form'));
      if (!form) {
        return;
      }
      form.querySelectorAll('input[data-german-date]').forEach(function (input) {
        if (input.name && Object.prototype.hasOwnProperty.call(e.detail.parameters, input.name)) {
          e.detail.parameters[input.name] = toIso(input.value);
        }
      });
    });
    document.body.addEventListener('htmx:afterSwap', function (e) { convert(e.detail.target || document); });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
