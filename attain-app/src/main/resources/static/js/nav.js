// The header's menus as disclosures: each button opens and closes its list of links (aria-expanded says which),
// one menu open at a time. Escape closes the open menu and gives the focus back to its button; a click or the
// focus going elsewhere closes it too. Arrow keys move between the links of an open menu, Home/End to the ends.
// Without this script the lists open while their menu holds the focus or the pointer (attain.css).
document.addEventListener('DOMContentLoaded', function () {
  var menus = Array.prototype.slice.call(document.querySelectorAll('nav.menus .menu'));
  if (menus.length === 0) {
    return;
  }
  Array.prototype.forEach.call(document.querySelectorAll('nav.menus'), function (nav) {
    nav.classList.add('js-menus');
  });

  function buttonOf(menu) { return menu.querySelector('.menu-button'); }
  function linksOf(menu) { return Array.prototype.slice.call(menu.querySelectorAll('.menu-list a')); }
  function isOpen(menu) { return buttonOf(menu).getAttribute('aria-expanded') === 'true'; }

  function close(menu) {
    buttonOf(menu).setAttribute('aria-expanded', 'false');
    menu.classList.remove('open');
  }
  function open(menu) {
    menus.forEach(function (other) { if (other !== menu) { close(other); } });
    buttonOf(menu).setAttribute('aria-expanded', 'true');
    menu.classList.add('open');
  }

  menus.forEach(function (menu) {
    var button = buttonOf(menu);
    button.addEventListener('click', function () {
      if (isOpen(menu)) { close(menu); } else { open(menu); }
    });
    button.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        open(menu);
        var links = linksOf(menu);
        if (links.length) { links[0].focus(); }
      }
    });
    menu.addEventListener('keydown', function (event) {
      var links = linksOf(menu);
      var at = links.indexOf(document.activeElement);
      if (event.key === 'Escape' && isOpen(menu)) {
        event.preventDefault();
        close(menu);
        button.focus();
      } else if (at >= 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        var next = (at + (event.key === 'ArrowDown' ? 1 : links.length - 1)) % links.length;
        links[next].focus();
      } else if (at >= 0 && (event.key === 'Home' || event.key === 'End')) {
        event.preventDefault();
        links[event.key === 'Home' ? 0 : links.length - 1].focus();
      }
    });
    // Tabbing out of an open menu closes it.
    menu.addEventListener('focusout', function (event) {
      if (event.relatedTarget && !menu.contains(event.relatedTarget)) {
        close(menu);
      }
    });
  });

  document.addEventListener('click', function (event) {
    menus.forEach(function (menu) {
      if (!menu.contains(event.target)) { close(menu); }
    });
  });
});
