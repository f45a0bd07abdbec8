// Report page: while the answers are being analysed, poll the progress fragment and reload once the report exists.
(function () {
  "use strict";
  var box = document.getElementById("analysis-progress");
  if (!box || box.dataset.ready === "1" || !box.dataset.url) return;
  var timer = setInterval(function () {
    fetch(box.dataset.url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("#analysis-progress");
        if (!fresh) return;
        box.innerHTML = fresh.innerHTML;
        if (fresh.dataset.ready === "1") { clearInterval(timer); window.location.reload(); }
      })
      .catch(function () { /* offline for a moment: try again at the next tick */ });
  }, 3000);
})();
