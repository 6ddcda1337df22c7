// The YAML editors: every textarea[data-yaml-editor] gets a CodeMirror editor (highlighting, line numbers,
// completion with Ctrl-Space or after typing a letter) placed before it. The textarea stays the form's field
// and the source of truth: each edit in the editor is written back to it (firing input and keyup, which the
// live check listens to), and text put into the textarea (a test typing, a script filling it) is shown in the
// editor. The textarea is kept in the page, only visually folded away.
//   data-vocabulary: URL of the keys/words to complete ({keys: {path: [key]}, values: {key: [word]}})
//   data-problems:   selector of the live check's panel; its [data-line] items are marked at their lines
(function () {
  if (window.attainYamlEditor) {
    return;
  }
  window.attainYamlEditor = true;

  var vocabularies = {};

  function vocabulary(url) {
    if (!url) {
      return Promise.resolve(null);
    }
    if (!vocabularies[url]) {
      vocabularies[url] = fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; });
    }
    return vocabularies[url];
  }

  function indentOf(text) {
    var m = /^(\s*(?:-\s+)*)/.exec(text);
    return m ? m[1].length : 0;
  }

  // The path of keys (list items skipped) of the mapping a key at `column` on line `lineNo` belongs to.
  function pathAt(cm, lineNo, column) {
    var path = [];
    for (var i = lineNo - 1; i >= 0 && column > 0; i--) {
      var text = cm.getLine(i);
      if (!text.trim() || /^\s*#/.test(text)) {
        continue;
      }
      var col = indentOf(text);
      if (col < column) {
        var m = /^\s*(?:-\s+)*([A-Za-z_][\w]*)\s*:\s*(?:#.*)?$/.exec(text);
        if (m) {
          path.unshift(m[1]);
        }
        column = col;
      }
    }
    return path;
  }

  function hintFor(vocab) {
    return function (cm) {
      var cur = cm.getCursor();
      var before = cm.getLine(cur.line).slice(0, cur.ch);
      var value = /([A-Za-z_][\w]*)\s*:\s*["']?([\w]*)$/.exec(before);
      if (value && vocab.values[value[1]]) {
        var words = vocab.values[value[1]].filter(function (w) { return w.indexOf(value[2]) === 0; });
        return { list: words, from: CodeMirror.Pos(cur.line, cur.ch - value[2].length), to: cur };
      }
      var key = /(^\s*(?:-\s+)*|[{,]\s*)([A-Za-z_]*)$/.exec(before);
      if (!key) {
        return null;
      }
      var path = pathAt(cm, cur.line, indentOf(before));
      var open = before.lastIndexOf('{');
      if (open >= 0 && before.indexOf('}', open) < 0) {
        var owner = /([A-Za-z_][\w]*)\s*:\s*\[?\s*$/.exec(before.slice(0, open));
        if (owner) {
          path.push(owner[1]);
        } else if (!/^\s*(?:-\s+)*$/.test(before.slice(0, open))) {
          return null;
        }
      }
      var keys = vocab.keys[path.join('.')] || [];
      var typed = key[2];
      var list = keys.filter(function (k) { return k.indexOf(typed) === 0; })
        .map(function (k) { return { text: k + ': ', displayText: k }; });
      return { list: list, from: CodeMirror.Pos(cur.line, cur.ch - typed.length), to: cur };
    };
  }

  function markProblems(cm, panel) {
    cm.clearGutter('yaml-problems');
    for (var i = 0; i < cm.lineCount(); i++) {
      cm.removeLineClass(i, 'wrap', 'yaml-problem-line');
    }
    if (!panel) {
      return;
    }
    panel.querySelectorAll('[data-line]').forEach(function (item) {
      var line = parseInt(item.getAttribute('data-line'), 10) - 1;
      if (isNaN(line) || line < 0 || line >= cm.lineCount()) {
        return;
      }
      var marker = document.createElement('span');
      marker.className = 'yaml-problem-marker';
      marker.textContent = '●';
      marker.title = item.textContent.trim();
      marker.setAttribute('data-test', 'yaml-problem-marker');
      cm.setGutterMarker(line, 'yaml-problems', marker);
      cm.addLineClass(line, 'wrap', 'yaml-problem-line');
    });
  }

  function enhance(textarea) {
    if (textarea.getAttribute('data-yaml-enhanced') || !window.CodeMirror) {
      return;
    }
    textarea.setAttribute('data-yaml-enhanced', 'on');
    var label = textarea.id ? document.querySelector('label[for="' + textarea.id + '"]') : null;
    var cm = CodeMirror(function (element) {
      textarea.parentNode.insertBefore(element, textarea);
    }, {
      value: textarea.value,
      mode: 'yaml',
      lineNumbers: true,
      indentUnit: 2,
      tabSize: 2,
      indentWithTabs: false,
      readOnly: textarea.readOnly,
      gutters: ['CodeMirror-linenumbers', 'yaml-problems'],
      screenReaderLabel: label ? label.textContent.trim() : textarea.name,
      extraKeys: {
        'Ctrl-Space': 'autocomplete',
        Tab: function (editor) { editor.replaceSelection('  '); }
      }
    });
    var wrapper = cm.getWrapperElement();
    wrapper.setAttribute('data-test', 'yaml-editor-' + (textarea.id || textarea.name));
    wrapper.classList.add('yaml-editor');
    if (textarea.rows > 12) {
      wrapper.classList.add('yaml-editor-tall');
    }
    // The scroller can be reached and scrolled by keyboard too (axe: scrollable-region-focusable); it is
    // named like the editor so a screen reader says what it is.
    var scroller = cm.getScrollerElement();
    scroller.setAttribute('tabindex', '0');
    scroller.setAttribute('role', 'region');
    scroller.setAttribute('aria-label', label ? label.textContent.trim() : textarea.name);
    textarea.classList.add('yaml-source');
    textarea.setAttribute('tabindex', '-1');
    textarea.setAttribute('aria-hidden', 'true');

    cm.on('change', function (editor, change) {
      if (change.origin === 'setValue') {
        return;
      }
      textarea.value = editor.getValue();
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      textarea.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    });
    ['input', 'change', 'keyup'].forEach(function (type) {
      textarea.addEventListener(type, function () {
        if (cm.getValue() !== textarea.value) {
          cm.setValue(textarea.value);
        }
      });
    });
    var form = textarea.form;
    if (form) {
      form.addEventListener('reset', function () { setTimeout(function () { cm.setValue(textarea.value); }, 0); });
    }

    vocabulary(textarea.getAttribute('data-vocabulary')).then(function (vocab) {
      if (!vocab || textarea.readOnly) {
        return;
      }
      var hint = hintFor(vocab);
      cm.setOption('hintOptions', { hint: hint, completeSingle: false });
      cm.on('inputRead', function (editor, change) {
        if (change.text.length === 1 && /^[A-Za-z_]$/.test(change.text[0]) && !editor.state.completionActive) {
          editor.showHint({ hint: hint, completeSingle: false });
        }
      });
    });

    var problems = textarea.getAttribute('data-problems');
    if (problems) {
      markProblems(cm, document.querySelector(problems));
      document.body.addEventListener('htmx:afterSettle', function () {
        markProblems(cm, document.querySelector(problems));
      });
    }
    textarea.attainEditor = cm;
  }

  function enhanceAll(root) {
    (root || document).querySelectorAll('textarea[data-yaml-editor]').forEach(enhance);
  }

  document.addEventListener('DOMContentLoaded', function () { enhanceAll(document); });
  document.addEventListener('htmx:load', function (event) { enhanceAll(event.target.parentNode || document); });
  if (document.readyState !== 'loading') {
    enhanceAll(document);
  }
})();
