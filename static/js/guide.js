// Enhancements for the guide page. Without JavaScript the form still posts and prints.
(function () {
  "use strict";

  // Choosing a country shows its crisis line at once: every country's text is already in
  // the page (hidden), so this works offline and keeps what the person has ticked.
  var countrySelect = document.getElementById("crisis-country");
  if (countrySelect) {
    var showButton = countrySelect.form.querySelector("button");
    if (showButton) {
      showButton.hidden = true;
    }
    countrySelect.addEventListener("change", function () {
      var code = countrySelect.value;
      document.querySelectorAll(".crisis .crisis-text").forEach(function (text) {
        text.hidden = text.getAttribute("data-country") !== code;
      });
      document.querySelectorAll('input[type="hidden"][name="country"]').forEach(function (input) {
        input.value = code;
      });
      var url = new URL(window.location.href);
      url.searchParams.set("country", code);
      window.history.replaceState(null, "", url);
    });
  }

  var form = document.querySelector("form.picker");
  if (!form) {
    return;
  }

  function printItem(text) {
    // Text only: what a person types never becomes markup.
    var li = document.createElement("li");
    li.className = "print-item";
    var ask = document.createElement("div");
    ask.className = "ask";
    var box = document.createElement("span");
    box.className = "box";
    var span = document.createElement("span");
    span.textContent = text;
    ask.appendChild(box);
    ask.appendChild(span);
    var answer = document.createElement("div");
    answer.className = "answer";
    answer.innerHTML = '<span class="rule"></span><span class="rule"></span>';
    li.appendChild(ask);
    li.appendChild(answer);
    return li;
  }

  // The print stylesheet cannot show a textarea's lines or move the top questions first,
  // so build those parts of the printed checklist just before printing.
  function preparePrint() {
    var own = document.getElementById("own");
    var ownList = document.getElementById("own-print");
    ownList.textContent = "";
    own.value.split(/\r?\n/).forEach(function (line) {
      line = line.trim();
      if (line) {
        ownList.appendChild(printItem(line));
      }
    });
    // Room to write questions that come up later.
    if (!ownList.children.length) {
      ownList.appendChild(printItem(""));
      ownList.appendChild(printItem(""));
    }

    var top = document.getElementById("print-top");
    var topList = top.querySelector("ul");
    topList.textContent = "";
    form.querySelectorAll(".is-top, .only-top").forEach(function (item) {
      item.classList.remove("is-top", "only-top");
    });
    form.querySelectorAll('input[name="top"]:checked').forEach(function (input) {
      var item = input.closest(".question");
      var ticked = item.querySelector('input[name="q"]');
      if (ticked && ticked.checked) {
        item.classList.add("is-top");
        topList.appendChild(printItem(item.querySelector(".pick label").textContent));
      }
    });
    top.hidden = topList.children.length === 0;
    // A section whose ticked questions all moved up to the top list has nothing left.
    form.querySelectorAll("fieldset.section").forEach(function (section) {
      var ticked = section.querySelectorAll('input[name="q"]:checked').length;
      if (ticked && ticked === section.querySelectorAll(".question.is-top").length) {
        section.classList.add("only-top");
      }
    });
  }
  window.addEventListener("beforeprint", preparePrint);

  // With JavaScript the Print button prints this page, styled as the checklist by the
  // print stylesheet, instead of opening the printable page.
  var printButton = form.querySelector('button[data-action="print"]');
  if (printButton && window.print) {
    printButton.addEventListener("click", function (event) {
      event.preventDefault();
      preparePrint();
      window.print();
    });
  }

  // Move focus to the list of problems after a rejected submit, so it is read out first.
  var errors = document.getElementById("errors");
  if (errors) {
    errors.focus();
  }
})();
