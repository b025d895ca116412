// Making a PDF of a form's choices in the background, for Download and Share on the guide
// page and the visit screen: one request, whatever is done with the file afterwards.
(function () {
  "use strict";

  function fileName(response, lang) {
    var match = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
    return match ? match[1] : "ketamine-questions-" + lang + ".pdf";
  }

  // Resolves to {file} (a File named as the server names it), {rejected: true} when the
  // server explains a problem (400, 413) on a page of its own, or {failed: true}; rejects
  // when there is no connection.
  function request(form, lang) {
    return fetch(form.action, { method: "POST", body: new FormData(form), cache: "no-store" })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (response.ok && type.indexOf("application/pdf") === 0) {
          return response.blob().then(function (blob) {
            return { file: new File([blob], fileName(response, lang),
                                    { type: "application/pdf" }) };
          });
        }
        if (response.status === 400 || response.status === 413) {
          return { rejected: true };
        }
        return { failed: true };
      });
  }

  function save(file) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(file);
    link.download = file.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }

  // Share only where the browser says it can share a PDF file: elsewhere no button shows.
  function canShareFiles() {
    try {
      return !!(navigator.canShare && navigator.share && window.File &&
        navigator.canShare({ files: [new File([""], "test.pdf", { type: "application/pdf" })] }));
    } catch (error) {
      return false;
    }
  }

  function usable() {
    return !!(window.fetch && window.File && window.URL && URL.createObjectURL);
  }

  // The PDF of ``form``, handed to ``then`` (save or share it); or, offline or on a failure,
  // the reason shown in ``problem`` (its .offline-text or .failed-text). A request the
  // server rejects is posted as a plain form, so its page says what to fix and keeps all
  // that was sent.
  function make(form, lang, problem, then) {
    function explain(kind) {
      problem.querySelector(".offline-text").hidden = kind !== "offline";
      problem.querySelector(".failed-text").hidden = kind === "offline";
      problem.hidden = false;
      problem.focus();
    }
    problem.hidden = true;
    if (navigator.onLine === false) {
      explain("offline");
      return;
    }
    request(form, lang).then(function (result) {
      if (result.file) {
        then(result.file);
      } else if (result.rejected) {
        form.submit();
      } else {
        explain("failed");
      }
    }).catch(function () {
      explain("offline");
    });
  }

  window.guidePdf = { request: request, make: make, save: save,
                      canShareFiles: canShareFiles, usable: usable };
})();
