// Bulk actions on a list (issue 21.3): the header checkbox data-select-all="id" ticks every row's
// checkbox name="id" of the same form (inside it or tied to it by form="..."); a row unticked by
// hand unticks the header.
(function () {
  function boxes(form, name) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return field.type === 'checkbox' && field.name === name;
    });
  }
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!box || box.type !== 'checkbox' || !box.form) {
      return;
    }
    var name = box.getAttribute('data-select-all');
    if (name) {
      boxes(box.form, name).forEach(function (row) {
        row.checked = box.checked;
      });
      return;
    }
    if (!box.checked) {
      Array.prototype.forEach.call(box.form.elements, function (field) {
        if (field.getAttribute && field.getAttribute('data-select-all') === box.name) {
          field.checked = false;
        }
      });
    }
  });
})();
