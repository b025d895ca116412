// The visit screen: the person's chosen questions (top three first, then the guide's order,
// then their own), each to tick once asked with a note. The list and the notes are read
// from and kept in this browser's storage, on this device only, like the guide page's.
(function () {
  "use strict";

  var form = document.getElementById("visit-form");
  if (!form) {
    return;
  }
  var lang = document.documentElement.lang;
  var store = null;
  try {
    store = window.localStorage;
    store.getItem("guide:choices:" + lang);
  } catch (error) {
    return; // no storage, no list: the page says what it needs
  }

  function load(key) {
    try {
      return JSON.parse(store.getItem(key) || "null");
    } catch (error) {
      return null;
    }
  }

  var choices = load("guide:choices:" + lang) || {};
  var list = document.getElementById("visit-list");
  var chosen = (Array.isArray(choices.q) ? choices.q : []).filter(function (qid) {
    return list.querySelector('[data-qid="' + CSS.escape(qid) + '"]');
  });
  var own = typeof choices.own === "string" ? choices.own.split(/\r?\n/).map(function (line) {
    return line.trim();
  }).filter(Boolean) : [];
  if (!chosen.length && !own.length) {
    return;
  }
  document.getElementById("visit-empty").hidden = true;
  form.hidden = false;

  // Top questions first, in the order they were marked; the rest keep the guide's order.
  var top = (Array.isArray(choices.top) ? choices.top : []).filter(function (qid) {
    return chosen.indexOf(qid) !== -1;
  });
  top.slice().reverse().forEach(function (qid) {
    var item = list.querySelector('[data-qid="' + CSS.escape(qid) + '"]');
    item.querySelector(".top-badge").hidden = false;
    list.prepend(item);
  });
  chosen.forEach(function (qid) {
    var item = list.querySelector('[data-qid="' + CSS.escape(qid) + '"]');
    item.hidden = false;
    item.querySelector(".note").disabled = false;
  });

  // Own questions: text only, never markup. Their notes stay here (the PDF has no field
  // for them).
  var template = document.getElementById("own-item-template");
  own.forEach(function (text, index) {
    var item = template.content.firstElementChild.cloneNode(true);
    var id = "own-" + (index + 1);
    item.setAttribute("data-qid", "own:" + text);
    item.querySelector("legend").textContent = text;
    item.querySelector(".asked").id = "asked-" + id;
    item.querySelector(".pick label").htmlFor = "asked-" + id;
    item.querySelector(".note").id = "note-" + id;
    item.querySelector(".note-label").htmlFor = "note-" + id;
    list.appendChild(item);
  });
  document.getElementById("own-notes-hint").hidden = own.length === 0;

  // --- Asked and notes, kept per language; own questions are known by their text.
  var visitKey = "guide:visit:" + lang;
  var visit = load(visitKey) || {};
  var asked = Array.isArray(visit.asked) ? visit.asked : [];
  var notes = visit.notes && typeof visit.notes === "object" ? visit.notes : {};
  var items = list.querySelectorAll(".visit-item:not([hidden])");
  items.forEach(function (item) {
    var key = item.getAttribute("data-qid");
    item.querySelector(".asked").checked = asked.indexOf(key) !== -1;
    if (typeof notes[key] === "string") {
      item.querySelector(".note").value = notes[key];
    }
  });

  function save() {
    var state = { asked: [], notes: {} };
    items.forEach(function (item) {
      var key = item.getAttribute("data-qid");
      if (item.querySelector(".asked").checked) {
        state.asked.push(key);
      }
      var note = item.querySelector(".note").value;
      if (note) {
        state.notes[key] = note;
      }
    });
    store.setItem(visitKey, JSON.stringify(state));
  }
  form.addEventListener("input", save);
  form.addEventListener("change", save);

  document.getElementById("clear-notes").addEventListener("click", function () {
    store.removeItem(visitKey);
    items.forEach(function (item) {
      item.querySelector(".asked").checked = false;
      item.querySelector(".note").value = "";
    });
    document.getElementById("clear-status").textContent =
      document.getElementById("cleared-text").innerHTML;
  });

  // --- The after-visit PDF: the guide page's choices plus the notes as answers. They are
  // copied into hidden fields just before the request, so the PDF is the one Download on
  // the guide page would make, with the answers written in.
  var extra = document.getElementById("visit-choices");
  var FIELDS = ["med_name", "med_dose", "med_time", "med_result"];

  function hidden(name, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    extra.appendChild(input);
  }

  function copyChoices() {
    extra.textContent = "";
    chosen.forEach(function (qid) { hidden("q", qid); });
    top.forEach(function (qid) { hidden("top", qid); });
    hidden("own", own.join("\n"));
    if (choices.paper) {
      hidden("paper", choices.paper);
    }
    if (choices.also) {
      hidden("also", choices.also);
    }
    if (choices.large) {
      hidden("print", "large");
    }
    var country = document.getElementById("crisis-country");
    if (country) {
      hidden("country", country.value);
    }
    (Array.isArray(choices.rows) ? choices.rows : []).forEach(function (row) {
      FIELDS.forEach(function (name, i) { hidden(name, String(row[i] || "")); });
    });
  }

  var problem = document.getElementById("download-problem");

  function makePdf(then) {
    copyChoices();
    window.guidePdf.make(form, lang, problem, then);
  }

  form.addEventListener("submit", function (event) {
    copyChoices();
    if (!window.guidePdf || !window.guidePdf.usable()) {
      return; // an ordinary form post: the browser downloads the PDF
    }
    event.preventDefault();
    makePdf(window.guidePdf.save);
  });
  var share = form.querySelector('[data-action="share"]');
  if (window.guidePdf && window.guidePdf.usable() && window.guidePdf.canShareFiles()) {
    share.hidden = false;
    share.addEventListener("click", function () {
      makePdf(function (file) {
        navigator.share({ files: [file], title: document.title }).catch(function () {
          // Closed without sharing: nothing to explain.
        });
      });
    });
  }
})();
