// The printable checklist page: show the Print button, and open the print dialog once.
(function () {
  "use strict";
  var button = document.querySelector('button[data-action="print"]');
  var hint = document.querySelector(".no-js-hint");
  if (!button || !window.print) {
    return;
  }
  button.hidden = false;
  if (hint) {
    hint.hidden = true;
  }
  button.addEventListener("click", function () {
    window.print();
  });
})();
