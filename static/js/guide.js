// Enhancements for every page of the guide. Without JavaScript the forms still post and the
// printable page still prints; this adds offline use, saved choices and instant feedback.
(function () {
  "use strict";

  // --- Offline: the service worker, and the offer to update when a new version is ready.
  var updateRequested = false;
  if ("serviceWorker" in navigator) {
    var banner = document.getElementById("update-banner");
    var offer = function (worker) {
      if (!banner) {
        return;
      }
      banner.hidden = false;
      document.getElementById("update-button").addEventListener("click", function () {
        updateRequested = true;
        worker.postMessage("skipWaiting");
      });
    };
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function (registration) {
      if (registration.waiting && navigator.serviceWorker.controller) {
        offer(registration.waiting);
      }
      registration.addEventListener("updatefound", function () {
        var worker = registration.installing;
        worker.addEventListener("statechange", function () {
          // "installed" with a page already controlled means an update, not a first visit.
          if (worker.state === "installed" && navigator.serviceWorker.controller) {
            offer(worker);
          }
        });
      });
    }).catch(function () {
      // No worker (private mode, old browser): the guide works online as before.
    });
    // What this page loaded before the worker controlled it, for the worker to keep.
    navigator.serviceWorker.ready.then(function (registration) {
      var tell = function () {
        if (!registration.active || !window.performance || !performance.getEntriesByType) {
          return;
        }
        var loaded = performance.getEntriesByType("resource").map(function (entry) {
          return entry.name;
        }).filter(function (name) {
          return name.indexOf(window.location.origin + "/") === 0;  // the worker picks
        });
        registration.active.postMessage({ loaded: loaded });
      };
      // Fonts come when text needs them: wait for them, and for the page to be done.
      if (document.fonts && document.fonts.ready) {
        document.fonts.ready.then(tell);
      } else {
        tell();
      }
    });
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      if (updateRequested) {
        updateRequested = false;
        window.location.reload();
      }
    });
  }

  // --- The crisis line: choosing a country shows its line at once. Every country's text is
  // already in the page (hidden), so this works offline and keeps what the person ticked.
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
  var lang = document.documentElement.lang;

  // --- A top-3 mark ticks its question; a question unticked is no longer in the top 3.
  // (Registered before saving, so what is saved includes it.)
  form.addEventListener("change", function (event) {
    var input = event.target;
    var other = null;
    if (input.name === "top" && input.checked) {
      other = document.getElementById("q-" + input.value);
      if (other) {
        other.checked = true;
      }
    } else if (input.name === "q" && !input.checked) {
      other = document.getElementById("top-" + input.value);
      if (other) {
        other.checked = false;
      }
    }
  });

  // --- Treatments I have tried: rows to add and remove. Without JavaScript the page has a
  // few empty rows, which the server ignores.
  var rowList = document.getElementById("treatment-rows");
  var rowTemplate = document.getElementById("treatment-row-template");
  var addRowButton = document.getElementById("add-treatment");
  var maxRows = parseInt(rowList.getAttribute("data-max"), 10) || 12;
  var FIELDS = ["med_name", "med_dose", "med_time", "med_result"];

  function rowValues(row) {
    return FIELDS.map(function (name) {
      return row.querySelector('input[name="' + name + '"]').value;
    });
  }

  function renumber() {
    Array.prototype.forEach.call(rowList.children, function (row, index) {
      var number = String(index + 1);
      row.querySelector(".row-number").textContent = number;
      FIELDS.forEach(function (name) {
        var input = row.querySelector('input[name="' + name + '"]');
        input.id = name + "-" + number;
        row.querySelector('label[for^="' + name + '-"]').htmlFor = input.id;
      });
      row.querySelector(".remove-row").hidden = false;
    });
    addRowButton.hidden = false;
    addRowButton.disabled = rowList.children.length >= maxRows;
  }

  function addRow(values) {
    var row = rowTemplate.content.firstElementChild.cloneNode(true);
    FIELDS.forEach(function (name, i) {
      row.querySelector('input[name="' + name + '"]').value = (values && values[i]) || "";
    });
    rowList.appendChild(row);
    return row;
  }

  function setRows(rows, blanks) {
    rowList.textContent = "";
    rows.forEach(function (values) { addRow(values); });
    for (var i = rows.length; i < Math.min(maxRows, rows.length + blanks); i += 1) {
      addRow(null);
    }
    renumber();
  }

  addRowButton.addEventListener("click", function () {
    if (rowList.children.length < maxRows) {
      var row = addRow(null);
      renumber();
      row.querySelector("input").focus();
      save();
    }
  });
  rowList.addEventListener("click", function (event) {
    var button = event.target.closest(".remove-row");
    if (!button) {
      return;
    }
    var row = button.closest(".treatment-row");
    var next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    if (!rowList.children.length) {
      next = addRow(null);
    }
    renumber();
    (next ? next.querySelector("input") : addRowButton).focus();
    save();
  });
  renumber();

  // --- Saved choices: kept in this browser's storage, on this device only, per language.
  var storageKey = "guide:choices:" + lang;
  var store = null;
  try {
    store = window.localStorage;
    store.getItem(storageKey);
  } catch (error) {
    store = null; // storage blocked: choices simply are not kept
  }

  function currentChoices() {
    var checked = function (name) {
      return Array.prototype.map.call(
        form.querySelectorAll('input[name="' + name + '"]:checked'),
        function (input) { return input.value; });
    };
    var paper = form.querySelector('input[name="paper"]:checked');
    var rows = Array.prototype.map.call(rowList.children, rowValues).filter(function (values) {
      return values.some(function (value) { return value.trim() !== ""; });
    });
    return { q: checked("q"), top: checked("top"), own: form.elements.own.value,
             paper: paper ? paper.value : null, rows: rows, also: form.elements.also.value,
             large: form.elements["print-large"].checked };
  }

  function save() {
    if (store) {
      store.setItem(storageKey, JSON.stringify(currentChoices()));
    }
  }

  function restore() {
    var saved = null;
    try {
      saved = JSON.parse(store.getItem(storageKey) || "null");
    } catch (error) {
      saved = null;
    }
    if (!saved) {
      return;
    }
    form.querySelectorAll('input[name="q"], input[name="top"]').forEach(function (input) {
      var list = input.name === "q" ? saved.q : saved.top;
      input.checked = Array.isArray(list) && list.indexOf(input.value) !== -1;
    });
    if (typeof saved.own === "string") {
      form.elements.own.value = saved.own;
    }
    if (saved.paper) {
      var radio = form.querySelector('input[name="paper"][value="' + saved.paper + '"]');
      if (radio) {
        radio.checked = true;
      }
    }
    if (Array.isArray(saved.rows) && saved.rows.length) {
      setRows(saved.rows, 1);
    }
    if (typeof saved.also === "string" &&
        form.querySelector('#also option[value="' + CSS.escape(saved.also) + '"]')) {
      form.elements.also.value = saved.also;
    }
    form.elements["print-large"].checked = saved.large === true;
  }

  if (store) {
    // After a rejected submit the page shows exactly what was sent, and a starting-set link
    // what it asked for: keep that, not older choices.
    if (document.getElementById("errors") ||
        new URL(window.location.href).searchParams.has("preset")) {
      save();
    } else {
      restore();
    }
    form.addEventListener("change", save);
    form.addEventListener("input", save);
    var saved = document.getElementById("saved-choices");
    saved.hidden = false;
    document.getElementById("clear-choices").addEventListener("click", function () {
      store.removeItem(storageKey);
      form.querySelectorAll('input[name="q"], input[name="top"]').forEach(function (input) {
        input.checked = false;
      });
      form.elements.own.value = "";
      setRows([], 3);
      form.elements.also.value = "";
      form.elements["print-large"].checked = false;
      document.querySelectorAll(".answer-field").forEach(function (field) { field.remove(); });
      updateCount();
      document.getElementById("clear-status").textContent =
        document.getElementById("cleared-text").innerHTML;
    });
  }

  // --- A lighter start: tick the starting set here (the link does it on the server
  // without JavaScript), keeping what was already ticked.
  var startSet = document.getElementById("start-set");
  if (startSet) {
    startSet.addEventListener("click", function (event) {
      event.preventDefault();
      startSet.getAttribute("data-questions").split(" ").forEach(function (id) {
        var box = document.getElementById("q-" + id);
        if (box) {
          box.checked = true;
        }
      });
      if (store) {
        save();
      }
      updateCount();
      document.getElementById("start-set-status").textContent =
        document.getElementById("start-set-done").innerHTML;
    });
  }

  // --- The count of ticked questions, in a bar that stays in view. The page keeps room for
  // the bar (scroll-padding), so that the element with the focus is never under it.
  var bar = document.getElementById("chosen-bar");
  var status = document.getElementById("chosen-status");
  var countText = document.getElementById("chosen-count-text").innerHTML;
  var root = document.documentElement;

  function fitBar() {
    root.style.setProperty("--bar-height", bar.hidden ? "0px" : bar.offsetHeight + "px");
    root.classList.toggle("has-bar", !bar.hidden);
  }

  function updateCount() {
    var count = form.querySelectorAll('input[name="q"]:checked').length;
    var text = count ? countText.replace("{num}", String(count)) : "";
    bar.hidden = count === 0;
    document.getElementById("chosen-count").textContent = text;
    if (status.textContent !== text) {
      status.textContent = text;
    }
    fitBar();
  }
  if (window.ResizeObserver) {
    new ResizeObserver(fitBar).observe(bar);
  }
  form.addEventListener("change", updateCount);

  // --- Printing this page as the checklist (the print stylesheet does the layout).
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
    for (var i = 0; i < 2; i += 1) {
      var rule = document.createElement("span");
      rule.className = "rule";
      answer.appendChild(rule);
    }
    li.appendChild(ask);
    li.appendChild(answer);
    return li;
  }

  // The print stylesheet cannot show a textarea's lines or move the top questions first,
  // so build those parts of the printed checklist just before printing.
  function preparePrint() {
    // Large print, as the PDF would have it; a second language needs the server's page
    // (printNow goes there when it can), so a copy printed here says it has one language.
    document.documentElement.classList.toggle("print-large", form.elements["print-large"].checked);
    document.getElementById("print-one-language").hidden = !form.elements.also.value;
    var ownList = document.getElementById("own-print");
    ownList.textContent = "";
    form.elements.own.value.split(/\r?\n/).forEach(function (line) {
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

    var table = document.getElementById("treatments-print");
    var body = table.querySelector("tbody");
    body.textContent = "";
    currentChoices().rows.forEach(function (values) {
      var tr = document.createElement("tr");
      values.forEach(function (value) {
        var td = document.createElement("td");
        td.textContent = value;
        td.dir = "auto";
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.hidden = body.children.length === 0;

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

  function printNow(event) {
    // Two languages on one sheet: the Print button's own target, the printable checklist
    // page, prints both. Offline, or from the notice's button, this page prints instead.
    var submit = event.currentTarget.type === "submit";
    if (submit && form.elements.also.value && navigator.onLine !== false) {
      return;
    }
    event.preventDefault();
    preparePrint();
    window.print();
  }
  if (window.print) {
    form.querySelectorAll('[data-action="print"]').forEach(function (button) {
      button.addEventListener("click", printNow);
    });
  }

  // --- Download PDF (and Share, where the device can share files): made in the background
  // so that a failure (offline, busy) is explained on this page instead of a browser error
  // page that loses nothing but helps no one.
  var problem = document.getElementById("download-problem");

  function makePdf(then) {
    window.guidePdf.make(form, lang, problem, then);
  }

  if (window.guidePdf && window.guidePdf.usable()) {
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (!submitter || submitter.getAttribute("data-action") !== "download") {
        return;
      }
      event.preventDefault();
      makePdf(window.guidePdf.save);
    });
    var share = form.querySelector('[data-action="share"]');
    if (share && window.guidePdf.canShareFiles()) {
      share.hidden = false;
      share.addEventListener("click", function () {
        makePdf(function (file) {
          navigator.share({ files: [file], title: document.title }).catch(function () {
            // Closed without sharing: nothing to explain.
          });
        });
      });
    }
  }

  updateCount();

  // --- Move focus to the list of problems after a rejected submit, so it is read first.
  var errors = document.getElementById("errors");
  if (errors) {
    errors.focus();
  }
})();
