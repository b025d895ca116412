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
    return { q: checked("q"), top: checked("top"), own: form.elements.own.value,
             paper: paper ? paper.value : null };
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
      document.getElementById("start-set-status").textContent =
        document.getElementById("start-set-done").innerHTML;
    });
  }

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
    event.preventDefault();
    preparePrint();
    window.print();
  }
  if (window.print) {
    form.querySelectorAll('[data-action="print"]').forEach(function (button) {
      button.addEventListener("click", printNow);
    });
  }

  // --- Download PDF: fetched in the background so that a failure (offline, busy) is
  // explained on this page instead of a browser error page that loses nothing but helps
  // no one.
  var problem = document.getElementById("download-problem");

  function explain(kind) {
    problem.querySelector(".offline-text").hidden = kind !== "offline";
    problem.querySelector(".failed-text").hidden = kind === "offline";
    problem.hidden = false;
    problem.focus();
  }

  function fileName(response) {
    var match = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
    return match ? match[1] : "ketamine-questions-" + lang + ".pdf";
  }

  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (!submitter || submitter.getAttribute("data-action") !== "download" ||
        !window.fetch || !window.URL || !URL.createObjectURL) {
      return;
    }
    event.preventDefault();
    problem.hidden = true;
    if (navigator.onLine === false) {
      explain("offline");
      return;
    }
    fetch(form.action, { method: "POST", body: new FormData(form), cache: "no-store" })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (response.ok && type.indexOf("application/pdf") === 0) {
          return response.blob().then(function (blob) {
            var link = document.createElement("a");
            link.href = URL.createObjectURL(blob);
            link.download = fileName(response);
            document.body.appendChild(link);
            link.click();
            link.remove();
            setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
          });
        }
        if (response.status === 400 || response.status === 413) {
          // The server explains what to fix on a page that keeps the person's choices.
          form.submit();
          return null;
        }
        explain("failed");
        return null;
      })
      .catch(function () {
        explain("offline");
      });
  });

  // --- Move focus to the list of problems after a rejected submit, so it is read first.
  var errors = document.getElementById("errors");
  if (errors) {
    errors.focus();
  }
})();
