// Shared helpers for the candidate interview pages: config and strings, a retrying JSON API client,
// IndexedDB storage for recorded chunks, SHA-256, the aria-live status line and integrity signals.
export const CFG = JSON.parse(document.getElementById("interview-config").textContent);

export function t(key, vars = {}) {
  let s = (CFG.strings && CFG.strings[key]) || key;
  for (const [k, v] of Object.entries(vars)) s = s.replace(`%(${k})s`, String(v));
  return s;
}

// --- status line (aria-live) ---------------------------------------------------------------------------------
let statusTimer = null;
export function announce(text, kind = "", sticky = false) {
  const el = document.getElementById("live") || document.getElementById("check-live");
  if (!el) return;
  el.textContent = text;
  el.className = (el.id === "live" ? "status " : "live ") + kind;
  clearTimeout(statusTimer);
  if (!sticky && text) statusTimer = setTimeout(() => { if (el.textContent === text) el.textContent = ""; }, 2500);
}

// --- server clock ---------------------------------------------------------------------------------------------
let clockOffset = 0; // server time − local time, ms
export function syncClock(serverIso) { if (serverIso) clockOffset = Date.parse(serverIso) - Date.now(); }
export function serverNow() { return Date.now() + clockOffset; }

// --- API with retries -----------------------------------------------------------------------------------------
export class ApiError extends Error {
  constructor(status, data) { super((data && data.message) || `HTTP ${status}`); this.status = status; this.data = data || {}; }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let offline = false;
function setOffline(v) {
  const was = offline;
  offline = v;
  if (v) announce(t("offline"), "bad", true); // every failed try: a later status line must not hide it
  else if (was) announce(t("reconnected"), "ok");
}
export function waitOnline() {
  if (navigator.onLine) return Promise.resolve();
  return new Promise((resolve) => window.addEventListener("online", () => resolve(), { once: true }));
}

/** Call the interview API. Network failures and 502/503/504 are retried (forever, with backoff, announcing
 *  "offline – retrying"); 4xx answers are returned to the caller as ApiError (they will not get better). */
export async function api(path, { method = "GET", json, body, headers = {}, retry = true } = {}) {
  let delay = 500;
  for (;;) {
    try {
      const init = { method, headers: { Accept: "application/json", ...headers }, credentials: "same-origin", cache: "no-store" };
      if (json !== undefined) { init.body = JSON.stringify(json); init.headers["Content-Type"] = "application/json"; }
      else if (body !== undefined) init.body = body;
      const resp = await fetch(CFG.api + path, init);
      let data = null;
      try { data = await resp.json(); } catch (_) { data = null; }
      if (resp.ok) { setOffline(false); if (data && data.server_time) syncClock(data.server_time); return data; }
      if (![502, 503, 504].includes(resp.status) || !retry) { setOffline(false); throw new ApiError(resp.status, data); }
    } catch (err) {
      if (err instanceof ApiError) throw err;
      if (!retry) throw err;
      setOffline(true);
    }
    await Promise.race([sleep(delay), new Promise((r) => window.addEventListener("online", r, { once: true }))]);
    delay = Math.min(delay * 2, 8000);
  }
}

// --- IndexedDB: chunks stay here until the upload is complete ---------------------------------------------------
let dbPromise = null;
export function db() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const req = indexedDB.open("hirelink-interview", 1);
      req.onupgradeneeded = () => {
        const d = req.result;
        const chunks = d.createObjectStore("chunks", { keyPath: ["uploadId", "seq"] });
        chunks.createIndex("uploadId", "uploadId");
        d.createObjectStore("uploads", { keyPath: "uploadId" });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  return dbPromise;
}
function tx(store, mode, fn) {
  return db().then((d) => new Promise((resolve, reject) => {
    const transaction = d.transaction(store, mode);
    let result;
    Promise.resolve(fn(transaction.objectStore(store))).then((r) => { result = r; });
    transaction.oncomplete = () => resolve(result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  }));
}
const reqP = (req) => new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
export const store = {
  putUpload: (meta) => tx("uploads", "readwrite", (s) => reqP(s.put(meta))),
  getUpload: (id) => tx("uploads", "readonly", (s) => reqP(s.get(id))),
  allUploads: () => tx("uploads", "readonly", (s) => reqP(s.getAll())),
  putChunk: (chunk) => tx("chunks", "readwrite", (s) => reqP(s.put(chunk))),
  chunks: (id) => tx("chunks", "readonly", (s) => reqP(s.index("uploadId").getAll(id))).then((list) => list.sort((a, b) => a.seq - b.seq)),
  async drop(id) {
    const list = await store.chunks(id);
    await tx("chunks", "readwrite", (s) => Promise.all(list.map((c) => reqP(s.delete([id, c.seq])))));
    await tx("uploads", "readwrite", (s) => reqP(s.delete(id)));
  },
};

// --- SHA-256 (WebCrypto; a small pure-JS fallback for non-secure contexts) ---------------------------------------
const K = new Uint32Array([0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2]);
function sha256js(bytes) {
  const l = bytes.length, withPad = ((l + 9 + 63) >> 6) << 6, m = new Uint8Array(withPad);
  m.set(bytes); m[l] = 0x80;
  const dv = new DataView(m.buffer); dv.setUint32(withPad - 4, (l * 8) >>> 0); dv.setUint32(withPad - 8, Math.floor(l / 0x20000000));
  const H = new Uint32Array([0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19]), W = new Uint32Array(64);
  const r = (x, n) => (x >>> n) | (x << (32 - n));
  for (let o = 0; o < withPad; o += 64) {
    for (let i = 0; i < 16; i++) W[i] = dv.getUint32(o + i * 4);
    for (let i = 16; i < 64; i++) { const a = W[i-15], b = W[i-2]; W[i] = (W[i-16] + (r(a,7) ^ r(a,18) ^ (a >>> 3)) + W[i-7] + (r(b,17) ^ r(b,19) ^ (b >>> 10))) >>> 0; }
    let [a, b, c, d, e, f, g, h] = H;
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (r(e,6) ^ r(e,11) ^ r(e,25)) + ((e & f) ^ (~e & g)) + K[i] + W[i]) >>> 0;
      const t2 = ((r(a,2) ^ r(a,13) ^ r(a,22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      h = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
    }
    H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
  }
  return Array.from(H, (x) => x.toString(16).padStart(8, "0")).join("");
}
export async function sha256hex(buffer) {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (window.crypto && crypto.subtle) {
    const digest = await crypto.subtle.digest("SHA-256", bytes);
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  }
  return sha256js(bytes);
}

// --- integrity signals: facts, queued locally, sent with retries ---------------------------------------------------
const SIG_KEY = `hirelink-signals-${CFG.token.slice(0, 12)}`;
let currentQuestion = null;
export function setSignalQuestion(position) { currentQuestion = position; }
export function signal(kind, { duration_ms = 0, detail = {}, at = Date.now() } = {}) {
  const queue = JSON.parse(localStorage.getItem(SIG_KEY) || "[]");
  queue.push({ id: `${at}-${Math.random().toString(36).slice(2, 10)}`, kind, at, duration_ms: Math.round(duration_ms), question: currentQuestion, detail });
  localStorage.setItem(SIG_KEY, JSON.stringify(queue.slice(-500)));
  flushSignals();
}
let flushing = false;
export async function flushSignals() {
  if (flushing) return;
  flushing = true;
  try {
    const queue = JSON.parse(localStorage.getItem(SIG_KEY) || "[]");
    if (!queue.length) return;
    await api("/signals", { method: "POST", json: queue });
    const rest = JSON.parse(localStorage.getItem(SIG_KEY) || "[]").filter((s) => !queue.some((q) => q.id === s.id));
    localStorage.setItem(SIG_KEY, JSON.stringify(rest));
  } catch (_) { /* kept in the queue for the next flush */ } finally { flushing = false; }
}
export function watchAttention() {
  let hiddenAt = null, blurAt = null;
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") hiddenAt = Date.now();
    else if (hiddenAt) { signal("tab_hidden", { at: hiddenAt, duration_ms: Date.now() - hiddenAt }); hiddenAt = null; }
  });
  window.addEventListener("blur", () => { blurAt = Date.now(); });
  window.addEventListener("focus", () => {
    if (blurAt && Date.now() - blurAt > 1000 && !hiddenAt) signal("window_blur", { at: blurAt, duration_ms: Date.now() - blurAt });
    blurAt = null;
  });
  window.addEventListener("offline", () => signal("network_offline"));
  window.addEventListener("online", () => flushSignals());
}

// --- recording format ---------------------------------------------------------------------------------------------
export function pickMimeType(video) {
  if (typeof MediaRecorder === "undefined") return null;
  const options = video
    ? ["video/webm;codecs=vp8,opus", "video/webm;codecs=vp9,opus", "video/webm", "video/mp4;codecs=avc1,mp4a.40.2", "video/mp4"]
    : ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4;codecs=mp4a.40.2", "audio/mp4", "audio/webm"];
  return options.find((m) => MediaRecorder.isTypeSupported(m)) || null;
}
