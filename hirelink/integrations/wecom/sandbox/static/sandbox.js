// Reload the page when the sandbox state changes (a new message, a card update), unless the user is typing.
(function () {
  const current = document.body.dataset.version;
  async function poll() {
    try {
      const response = await fetch("/sandbox/api/version", { cache: "no-store" });
      const data = await response.json();
      const typing = document.activeElement && document.activeElement.tagName === "INPUT";
      if (String(data.version) !== current && !typing) { window.location.reload(); return; }
    } catch (e) { /* sandbox restarting: try again */ }
    setTimeout(poll, 2000);
  }
  setTimeout(poll, 2000);
  const chat = document.querySelector(".screen");
  if (chat && document.body.querySelector(".msg")) { chat.scrollTop = chat.scrollHeight; window.scrollTo(0, document.body.scrollHeight); }
})();
