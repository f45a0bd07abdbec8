// The question runner. State comes from the server (GET /state) on every load, so a reload, a closed tab or a
// dropped network resumes at the same question. Recordings are cut into chunks (MediaRecorder timeslice), kept in
// IndexedDB and uploaded with the resumable protocol of ADR 0040; chunks are deleted only once the server has
// confirmed the complete upload (checksum + decode check).
import { CFG, t, api, ApiError, announce, serverNow, store, sha256hex, signal, flushSignals, setSignalQuestion, watchAttention, pickMimeType } from "./lib.js";

const $ = (id) => document.getElementById(id);
const els = {
  card: $("q-card"), index: $("q-index"), phase: $("q-phase"), text: $("q-text"), timer: $("timer"), ring: $("ring"),
  tLabel: $("t-label"), tValue: $("t-value"), hint: $("hint"), modes: $("modes"), rec: $("rec"), recLabel: $("rec-label"),
  recBar: $("rec-bar"), selfView: $("self-view"), textBox: $("text-box"), textarea: $("answer-text"), count: $("char-count"), actions: $("actions"),
};
const RING = 326.7;
const UPLOAD_EVERY_MS = 5000; // recorded pieces (1 s each) go to the server in batches, at least this often
const BATCH_BYTES = 512 * 1024;
const preferText = new URLSearchParams(location.search).get("mode") === "text";
let state = null, q = null, mode = null, ticker = null, recorder = null, stream = null, upload = null, phaseName = "";
let pasteCount = 0, pastedChars = 0, faceTimer = null;

// --- helpers ------------------------------------------------------------------------------------------------------
const fmt = (s) => { s = Math.max(0, Math.ceil(s)); return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`; };
function button(label, cls, onClick, id) {
  const b = document.createElement("button");
  b.type = "button"; b.className = `btn ${cls} block`; b.textContent = label; if (id) b.id = id;
  b.addEventListener("click", onClick);
  return b;
}
function setActions(...buttons) { els.actions.replaceChildren(...buttons.filter(Boolean)); }
function stopTicker() { if (ticker) { clearInterval(ticker); ticker = null; } }
function showTimer(label, totalSeconds, endsAt, cls, onEnd) {
  stopTicker();
  els.timer.hidden = false; els.timer.className = `timer ${cls}`; els.tLabel.textContent = label;
  let announced = false;
  const tick = () => {
    const left = (endsAt - serverNow()) / 1000;
    els.tValue.textContent = fmt(left);
    els.ring.style.strokeDashoffset = String(RING * (1 - Math.max(0, left) / totalSeconds));
    els.timer.classList.toggle("low", left <= 15);
    if (left <= 10 && !announced && cls === "answering") { announced = true; announce(t("secondsLeft", { s: fmt(left) })); }
    if (left <= 0) { stopTicker(); onEnd(); }
  };
  tick();
  ticker = setInterval(tick, 250);
}
function setPhase(name, label) { phaseName = name; els.phase.textContent = label; els.phase.className = `phase ${name}`; }
function current() { return state.questions.find((x) => x.position === state.current) || null; }
function liveAnswer(question) { return question.answers.filter((a) => a.status !== "superseded").slice(-1)[0] || null; }

// --- load / resume ---------------------------------------------------------------------------------------------------
async function load() {
  state = await api("/state");
  await resumePendingUploads();
  state = await api("/state");
  if (state.completed) { location.href = CFG.done; return; }
  if (state.current === null) return finish();
  await openQuestion(state.current);
}

/** Uploads left unfinished by a reload, a closed tab or a crash: send what the server lacks and complete them. */
async function resumePendingUploads() {
  const pending = (await store.allUploads()).filter((u) => u.token === CFG.token);
  for (const meta of pending) {
    const question = state.questions.find((x) => x.position === meta.position);
    const serverAnswer = question && question.answers.find((a) => a.upload_id === meta.uploadId);
    if (!serverAnswer || serverAnswer.status === "superseded") { await store.drop(meta.uploadId); continue; }
    if (serverAnswer.status === "saved" || serverAnswer.status === "processed") { await store.drop(meta.uploadId); continue; }
    meta.finished = true; // the recorder that produced it is gone: keep what was recorded
    await store.putUpload(meta);
    announce(t("resumed"), "", true);
    await new Uploader(meta).finish().catch(() => {});
  }
}

async function openQuestion(position) {
  state = await api(`/questions/${position}/open`, { method: "POST" });
  if (state.current === null) return finish();
  if (state.current !== position) return openQuestion(state.current); // an overdue question was closed
  q = current();
  setSignalQuestion(q.position);
  const total = state.questions.length;
  els.index.textContent = t("question", { n: q.position, total });
  els.text.textContent = q.text;
  els.card.setAttribute("aria-busy", "false");
  els.text.focus();
  const modes = state.modes;
  mode = (preferText || state.text_only) && modes.includes("text") ? "text" : (modes.includes(state.preferred_mode) ? state.preferred_mode : modes[0]);
  const live = liveAnswer(q);
  if (live && live.status === "recording" && q.answer_started_at) {
    // the server has a recording of this question under way from another page load: answer time is running
    return startAnswer(true);
  }
  if (q.answer_started_at) return startAnswer(true);
  thinking();
}

function renderModes(disabled) {
  const modes = state.modes.filter((m) => m !== "video" || CFG.video || state.preferred_mode === "video");
  if (modes.length < 2) { els.modes.hidden = true; return; }
  els.modes.hidden = false;
  els.modes.replaceChildren(...modes.map((m) => {
    const b = document.createElement("button");
    b.type = "button"; b.setAttribute("role", "radio"); b.setAttribute("aria-checked", String(m === mode)); b.textContent = t(m);
    b.disabled = disabled; b.dataset.mode = m;
    b.addEventListener("click", () => { mode = m; renderModes(disabled); });
    return b;
  }));
}

function thinking() {
  setPhase("thinking", t("thinking"));
  els.hint.textContent = t("startEarlyHint");
  els.rec.hidden = true; els.textBox.hidden = true;
  renderModes(false);
  const endsAt = Date.parse(q.shown_at) + q.thinking_seconds * 1000;
  setActions(button(t("startNow"), "primary", () => startAnswer(false), "start"));
  if (q.thinking_seconds <= 0 || serverNow() >= endsAt) return startAnswer(false);
  showTimer(t("thinking"), q.thinking_seconds, endsAt, "thinking", () => startAnswer(false));
}

// --- answering -------------------------------------------------------------------------------------------------------
async function startAnswer(resumed) {
  stopTicker();
  setActions();
  if (!q.answer_started_at) {
    const r = await api(`/questions/${q.position}/begin`, { method: "POST" });
    q.answer_started_at = r.answer_started_at;
  }
  renderModes(true);
  els.modes.hidden = true;
  setPhase("answering", t("answering"));
  els.hint.textContent = "";
  const endsAt = Date.parse(q.answer_started_at) + q.answer_seconds * 1000;
  if (mode === "text") return answerText(endsAt);
  try {
    await answerRecording(endsAt, resumed);
  } catch (err) {
    // no microphone / recorder failure: fall back to text when allowed
    announce(err instanceof ApiError ? err.message : t("micDenied"), "bad", true);
    if (state.modes.includes("text")) { mode = "text"; answerText(endsAt); }
  }
}

function answerText(endsAt) {
  els.rec.hidden = true; els.textBox.hidden = false;
  const key = `hirelink-draft-${CFG.token.slice(0, 12)}-${q.position}`;
  els.textarea.value = localStorage.getItem(key) || "";
  els.textarea.placeholder = t("placeholder");
  const count = () => { els.count.textContent = t("chars", { n: els.textarea.value.length, max: state.text_max_chars }); localStorage.setItem(key, els.textarea.value); };
  els.textarea.oninput = count;
  els.textarea.onpaste = (e) => {
    const pasted = (e.clipboardData && e.clipboardData.getData("text")) || "";
    pasteCount += 1; pastedChars += pasted.length;
    signal("paste", { detail: { chars: pasted.length } });
  };
  count();
  els.textarea.focus();
  const submit = async (timedOut) => {
    const text = els.textarea.value.trim();
    if (!text && !timedOut) { announce(t("empty"), "bad"); els.textarea.focus(); return; }
    stopTicker();
    setActions(); els.textarea.readOnly = true;
    announce(t("saving"), "", true);
    try {
      await api(`/questions/${q.position}/text`, { method: "POST", json: { text, signals: { paste_count: pasteCount, pasted_chars: pastedChars, typed_chars: text.length } } });
    } catch (err) {
      els.textarea.readOnly = false;
      announce(err.message || t("error"), "bad", true);
      if (err instanceof ApiError && err.data.code === "time_limit") return afterSaved();
      setActions(button(t("submit"), "primary", () => submit(timedOut), "submit"));
      return;
    }
    localStorage.removeItem(key);
    els.textarea.readOnly = false; pasteCount = 0; pastedChars = 0;
    announce(t("saved"), "ok");
    afterSaved();
  };
  setActions(button(t("submit"), "primary", () => submit(false), "submit"));
  showTimer(t("answering"), q.answer_seconds, endsAt, "answering", () => { announce(t("timeUp")); submit(true); });
}

async function getStream() {
  if (stream && stream.active) return stream;
  const video = mode === "video";
  stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true }, video: video ? { facingMode: "user", width: 640, height: 480 } : false });
  return stream;
}

async function answerRecording(endsAt, resumed) {
  const mime = pickMimeType(mode === "video");
  if (!mime || !navigator.mediaDevices) throw new Error("unsupported");
  const media = await getStream();
  const created = await api(`/questions/${q.position}/uploads`, { method: "POST", json: { mode, content_type: mime } });
  const meta = { uploadId: created.upload_id, token: CFG.token, position: q.position, mode, mimeType: mime, nextSeq: 0, nextOffset: 0, finished: false };
  await store.putUpload(meta);
  upload = new Uploader(meta);
  els.textBox.hidden = true; els.rec.hidden = false; els.recLabel.textContent = t("recording");
  els.hint.textContent = t("recordHint");
  if (mode === "video") { els.selfView.hidden = false; els.selfView.srcObject = media; startFaceWatch(); }
  levelMeter(media);
  recorder = new MediaRecorder(media, { mimeType: mime, audioBitsPerSecond: 32000 });
  let writing = Promise.resolve();
  recorder.ondataavailable = (e) => {
    if (!e.data || !e.data.size) return;
    writing = writing.then(async () => {
      const bytes = new Uint8Array(await e.data.arrayBuffer());
      const chunk = { uploadId: meta.uploadId, seq: meta.nextSeq, offset: meta.nextOffset, data: bytes, acked: false };
      meta.nextSeq += 1; meta.nextOffset += bytes.length;
      await store.putChunk(chunk);
      await store.putUpload(meta);
      upload.schedule();
    });
  };
  const stopped = new Promise((resolve) => { recorder.onstop = resolve; recorder.onerror = resolve; });
  recorder.start(1000);
  const stop = async (byTimer) => {
    stopTicker();
    setActions();
    if (recorder && recorder.state !== "inactive") recorder.stop();
    await stopped; await writing;
    stopFaceWatch();
    els.rec.hidden = true; els.selfView.hidden = true;
    if (byTimer) announce(t("timeUp"));
    meta.finished = true; await store.putUpload(meta);
    announce(t("uploading"), "", true);
    try {
      await upload.finish();
      announce(t("saved"), "ok");
      afterSaved();
    } catch (err) {
      announce(err.message || t("error"), "bad", true);
      setActions(button(t("rerecord"), "primary", () => startAnswer(false), "rerecord"));
    }
  };
  setActions(button(t("stop"), "primary", () => stop(false), "stop"));
  showTimer(t("answering"), q.answer_seconds, endsAt, "answering", () => stop(true));
}

function levelMeter(media) {
  try {
    const ctx = new (window.AudioContext || window.webkitAudioContext)();
    if (ctx.state === "suspended") ctx.resume().catch(() => {});
    const analyser = ctx.createAnalyser(); analyser.fftSize = 512;
    ctx.createMediaStreamSource(media).connect(analyser);
    const data = new Float32Array(analyser.fftSize);
    const tick = () => {
      if (els.rec.hidden) { ctx.close(); return; }
      analyser.getFloatTimeDomainData(data);
      let s = 0; for (const x of data) s += x * x;
      els.recBar.style.width = `${Math.min(100, Math.round(Math.sqrt(s / data.length) * 400))}%`;
      requestAnimationFrame(tick);
    };
    tick();
  } catch (_) { /* the meter is decoration */ }
}

// --- face presence (video only): recorded as facts, never judged ---------------------------------------------------------
function startFaceWatch() {
  if (!CFG.faceCheck) return;
  if (!("FaceDetector" in window)) { signal("face_check_unavailable"); return; }
  const detector = new window.FaceDetector({ fastMode: true, maxDetectedFaces: 3 });
  let lastKind = null, since = 0;
  faceTimer = setInterval(async () => {
    try {
      const faces = await detector.detect(els.selfView);
      const kind = faces.length === 0 ? "no_face" : faces.length > 1 ? "multiple_faces" : null;
      if (kind !== lastKind) {
        if (lastKind) signal(lastKind, { at: since, duration_ms: Date.now() - since, detail: { faces: faces.length } });
        lastKind = kind; since = Date.now();
      }
    } catch (_) { /* frame not ready */ }
  }, 2000);
}
function stopFaceWatch() { if (faceTimer) { clearInterval(faceTimer); faceTimer = null; } }

// --- after an answer ----------------------------------------------------------------------------------------------------
async function afterSaved() {
  state = await api("/state");
  const last = state.current === null;
  const answered = state.questions.find((x) => x.position === q.position);
  const attempts = answered.answers.filter((a) => ["saved", "processed", "superseded"].includes(a.status)).length;
  els.timer.hidden = true;
  setPhase("done", t("saved"));
  const nextBtn = button(last ? t("finish") : t("next"), "primary", () => (last ? finish() : openQuestion(state.current)), "next");
  const again = state.allow_rerecord && attempts < 2 ? button(t("rerecord"), "secondary", () => { q = answered; q.answer_started_at = null; q.status = "answered"; startRerecord(); }, "rerecord") : null;
  if (last && !again) return finish();
  setActions(nextBtn, again);
  nextBtn.focus();
}

async function startRerecord() {
  setPhase("answering", t("answering"));
  const endsAt = serverNow() + q.answer_seconds * 1000;
  q.answer_started_at = new Date(serverNow()).toISOString();
  if (mode === "text") return answerText(endsAt);
  try { await answerRecording(endsAt, false); } catch (err) { announce(err.message || t("error"), "bad", true); }
}

async function finish() {
  stopTicker();
  announce(t("allDone"), "", true);
  setActions();
  await flushSignals();
  for (;;) {
    try { await api("/finish", { method: "POST" }); break; }
    catch (err) {
      if (err instanceof ApiError && err.data.code === "incomplete") { await load(); return; }
      throw err;
    }
  }
  if (stream) stream.getTracks().forEach((tr) => tr.stop());
  location.href = CFG.done;
}

// --- the resumable uploader ------------------------------------------------------------------------------------------------
class Uploader {
  constructor(meta) { this.meta = meta; this.received = 0; this.running = null; this.timer = null; }

  /** Send every stored chunk the server has not acknowledged, in order. Safe to call often. */
  pump() {
    if (!this.running) this.running = this.sendAll().finally(() => { this.running = null; });
    return this.running;
  }

  /** Upload soon, but not for every 1-second piece: recorded pieces are safe in IndexedDB, so the network sees
   *  one request per UPLOAD_EVERY_MS per candidate (what the server is sized for, see ADR 0040). */
  schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => { this.timer = null; this.pump().catch(() => {}); }, UPLOAD_EVERY_MS);
  }

  async sendAll() {
    for (;;) {
      const pending = (await store.chunks(this.meta.uploadId)).filter((c) => !c.acked && c.offset + c.data.length > this.received);
      if (!pending.length) return;
      if (pending[0].offset > this.received) { await this.syncReceived(); if (pending[0].offset > this.received) return; }
      // one request carries consecutive pieces up to BATCH_BYTES, starting where the server's bytes end
      const batch = [];
      let size = 0;
      for (const c of pending) {
        if (batch.length && (c.offset !== batch[batch.length - 1].offset + batch[batch.length - 1].data.length || size + c.data.length > BATCH_BYTES)) break;
        batch.push(c); size += c.data.length;
      }
      const start = Math.max(this.received, batch[0].offset);
      const body = new Uint8Array(batch[batch.length - 1].offset + batch[batch.length - 1].data.length - start);
      for (const c of batch) {
        const skip = Math.max(0, start - c.offset);
        body.set(c.data.subarray(skip), c.offset + skip - start);
      }
      const hash = await sha256hex(body);
      try {
        const r = await api(`/uploads/${this.meta.uploadId}?offset=${start}`, {
          method: "PUT", body, headers: { "Content-Type": "application/octet-stream", "X-Chunk-Length": String(body.length), "X-Chunk-Sha256": hash },
        });
        this.received = r.received_bytes;
      } catch (err) {
        if (err instanceof ApiError && err.data.received_bytes !== undefined) { this.received = err.data.received_bytes; continue; }
        throw err;
      }
      for (const c of batch) { c.acked = true; await store.putChunk(c); }
    }
  }

  async syncReceived() {
    const r = await api(`/uploads/${this.meta.uploadId}`);
    this.received = r.received_bytes;
  }

  /** Wait for every chunk, then complete with the checksum of the whole. Idempotent on the server. */
  async finish() {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    await this.syncReceived();
    await this.pump();
    await this.pump();
    const chunks = await store.chunks(this.meta.uploadId);
    const size = chunks.reduce((n, c) => n + c.data.length, 0);
    const whole = new Uint8Array(size);
    for (const c of chunks) whole.set(c.data, c.offset);
    const digest = await sha256hex(whole);
    if (this.received < size) await this.pump();
    const r = await api(`/uploads/${this.meta.uploadId}/complete`, { method: "POST", json: { sha256: digest, size } });
    await store.drop(this.meta.uploadId);
    return r;
  }
}

window.addEventListener("online", () => { if (upload) upload.pump(); });
watchAttention();
flushSignals();
load().catch((err) => announce((err && err.message) || t("error"), "bad", true));
