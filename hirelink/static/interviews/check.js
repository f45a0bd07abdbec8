// Device check: microphone level meter (Web Audio), camera preview when video is on, network check (a small
// ping upload). The result is stored on the session; the candidate may continue when the essentials work.
import { CFG, t, api, announce, pickMimeType } from "./lib.js";

const $ = (id) => document.getElementById(id);
const go = $("go"), retry = $("retry");
const result = { microphone: "", camera: "", network_ms: 0, upload_kbps: 0, mime_type: "", face_detector: "FaceDetector" in window, ok: false };
let micOk = CFG.textOnly, netOk = false, camOk = !CFG.video || CFG.textOnly, stream = null, peak = 0;

function setStatus(id, text, kind) { const el = $(id); if (el) { el.textContent = text; el.className = `st ${kind}`; } }
function update() {
  const ready = micOk && netOk && camOk;
  go.disabled = !ready;
  result.ok = ready;
  if (ready) announce(t("checkPassed"), "ok", true);
}

async function checkMic() {
  if (CFG.textOnly) return;
  const mime = pickMimeType(CFG.video);
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !mime) {
    setStatus("mic-status", t("unsupported"), "bad"); result.microphone = "unsupported"; showSkip(); return;
  }
  result.mime_type = mime;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true }, video: CFG.video ? { facingMode: "user", width: 640, height: 480 } : false });
  } catch (err) {
    setStatus("mic-status", t("micDenied"), "bad"); result.microphone = "denied"; showSkip();
    if (CFG.video) setStatus("cam-status", t("camDenied"), "bad");
    return;
  }
  if (CFG.video) {
    const v = $("cam-preview"); if (v) { v.srcObject = stream; }
    setStatus("cam-status", t("camOk"), "ok"); camOk = true; result.camera = "ok";
  }
  const ctx = new (window.AudioContext || window.webkitAudioContext)();
  if (ctx.state === "suspended") { try { await ctx.resume(); } catch (_) {} }
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 1024;
  ctx.createMediaStreamSource(stream).connect(analyser);
  const data = new Float32Array(analyser.fftSize);
  const bar = $("meter-bar"), meter = bar.parentElement;
  setStatus("mic-status", t("speakPrompt"), "");
  const started = Date.now();
  const tick = () => {
    analyser.getFloatTimeDomainData(data);
    let sum = 0; for (const x of data) sum += x * x;
    const level = Math.min(100, Math.round(Math.sqrt(sum / data.length) * 400));
    bar.style.width = `${level}%`; meter.setAttribute("aria-valuenow", String(level));
    peak = Math.max(peak, level);
    if (!micOk && peak >= 8) { micOk = true; result.microphone = "ok"; setStatus("mic-status", t("micOk"), "ok"); update(); }
    if (!micOk && Date.now() - started > 8000) { setStatus("mic-status", t("micSilent"), "warn"); }
    requestAnimationFrame(tick);
  };
  tick();
}

function showSkip() {
  if (!retry) return;
  retry.hidden = false;
  retry.textContent = t("skipMic");
  retry.onclick = () => { window.location.href = CFG.next + "?mode=text"; };
}

async function checkNetwork() {
  setStatus("net-status", t("checking"), "");
  const payload = new Uint8Array(64 * 1024);
  crypto.getRandomValues(payload.subarray(0, 65536));
  const t0 = performance.now();
  try {
    await api("/ping", { method: "POST", body: payload, headers: { "Content-Type": "application/octet-stream" }, retry: false });
    const ms = Math.round(performance.now() - t0);
    result.network_ms = ms; result.upload_kbps = Math.round((payload.length * 8) / Math.max(ms, 1));
    netOk = true;
    setStatus("net-status", ms > 2000 ? t("netSlow") : t("netOk"), ms > 2000 ? "warn" : "ok");
  } catch (_) {
    setStatus("net-status", t("netFail"), "bad");
    setTimeout(checkNetwork, 3000);
  }
  update();
}

go.addEventListener("click", async () => {
  go.disabled = true;
  try { await api("/device-check", { method: "POST", json: result }); } catch (_) { /* not essential */ }
  if (stream) stream.getTracks().forEach((tr) => tr.stop());
  window.location.href = CFG.next;
});

checkMic();
checkNetwork();
