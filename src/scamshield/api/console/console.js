// ScamShield console: one small script, no build step, no dependencies.
// Rules: server text is rendered with textContent only; the token lives in memory (and in sessionStorage only if
// "keep for this tab" is ticked), never in the page URL.
(() => {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const TOKEN_KEY = "scamshield.console.token";
  const TERMINAL = (code) => code >= 4400 && code <= 4599;
  const BACKOFF_BASE_MS = 500;
  const BACKOFF_MAX_MS = 30000;
  const REQUEST_TIMEOUT_MS = 10000;

  const s = {
    token: null,
    ws: null,
    wanted: false,       // the user asked to be connected
    attempt: 0,
    timer: null,
    watermark: null,     // every alert with seq <= watermark was received (resume point for ?since=)
    above: new Set(),    // received seqs above the watermark
    connLastSeq: null,
    seen: new Set(),     // alert ids already shown (dedup across reconnects)
    queue: [],           // alerts waiting for the modal
    current: null,       // alert in the modal
    answering: null,     // alert id being answered from this page
    callSid: null,
    nextId: 1,
    pending: new Map(),  // message id -> {resolve, reject, timer}
    roles: [],
  };

  // ---- small helpers -------------------------------------------------------------------------------------------
  function text(el, value) { el.textContent = value == null || value === "" ? "–" : String(value); }

  function log(message) {
    const list = $("event-log");
    const li = document.createElement("li");
    const time = document.createElement("time");
    time.textContent = new Date().toLocaleTimeString();
    li.append(time, " ", String(message));
    list.prepend(li);
    while (list.children.length > 60) list.lastElementChild.remove();
  }

  function setStatus(state, detail) {
    const el = $("connection-status");
    el.textContent = state;
    el.dataset.state = state;
    el.title = detail || "";
    $("status-dot").dataset.state = state;
  }

  class ApiError extends Error {
    constructor(status, code, message) { super(message); this.status = status; this.code = code; }
  }

  function describe(err) {
    if (err instanceof ApiError) return `${err.status || "ws"} ${err.code}: ${err.message}`;
    return err && err.message ? err.message : String(err);
  }

  async function api(method, path, body) {
    const headers = { "Accept": "application/json" };
    if (s.token) headers["Authorization"] = "Bearer " + s.token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
                                  credentials: "omit", cache: "no-store" });
    let data = null;
    try { data = await r.json(); } catch (_) { data = null; }
    if (!r.ok) {
      const e = data && data.error ? data.error : {};
      throw new ApiError(r.status, e.code || "http_error", e.message || `HTTP ${r.status}`);
    }
    return data;
  }

  function shortId(id) { return String(id || "").slice(0, 8); }

  // ---- sign in -------------------------------------------------------------------------------------------------
  function connect() {
    const token = $("token-input").value.trim();
    $("signin-error").textContent = "";
    if (!token) { $("signin-error").textContent = "Paste a token first."; return; }
    if (token !== s.token) {  // another identity: forget the previous user's alert state
      s.watermark = null; s.above.clear(); s.seen.clear(); s.queue = [];
    }
    s.token = token;
    if ($("remember").checked) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
    s.wanted = true;
    s.attempt = 0;
    loadMe();
    openSocket();
  }

  function disconnect() {
    s.wanted = false;
    clearTimeout(s.timer);
    if (s.ws) s.ws.close(1000, "bye");
    s.ws = null;
    setStatus("disconnected");
    log("Disconnected.");
  }

  async function loadMe() {
    try {
      const me = await api("GET", "/user/me");
      text($("me-user"), me.user_id);
      text($("me-phone"), me.phone_number);
      s.roles = me.roles || [];
      text($("me-roles"), s.roles.join(", ") || "user");
      $("admin").hidden = !s.roles.includes("admin");
      if (!$("admin").hidden) refreshServer();
    } catch (err) {
      $("signin-error").textContent = describe(err);
    }
  }

  async function mint() {
    $("signin-error").textContent = "";
    const body = { user_id: $("mint-user").value.trim(), roles: $("mint-admin").checked ? ["admin"] : [] };
    const phone = $("mint-phone").value.trim();
    if (phone) body.phone = phone;
    try {
      const out = await api("POST", "/console/dev-token", body);
      $("token-input").value = out.token;
      log(`Minted a development token for ${out.user_id}.`);
      connect();
    } catch (err) {
      $("signin-error").textContent = describe(err);
    }
  }

  // ---- the socket ----------------------------------------------------------------------------------------------
  function wsUrl() {
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    let url = `${proto}//${location.host}/api/ws?token=${encodeURIComponent(s.token)}`;
    if (s.watermark !== null) url += `&since=${s.watermark}`;
    return url;
  }

  function openSocket() {
    clearTimeout(s.timer);
    if (s.ws) { s.ws.onclose = null; s.ws.close(1000, "reconnecting"); }
    setStatus(s.attempt === 0 ? "connecting" : "reconnecting");
    let ws;
    try { ws = new WebSocket(wsUrl()); } catch (err) { scheduleReconnect(0, describe(err)); return; }
    s.ws = ws;
    ws.onmessage = (ev) => {
      let msg;
      try { msg = JSON.parse(ev.data); } catch (_) { return; }
      if (msg && typeof msg === "object") handle(ws, msg);
    };
    ws.onclose = (ev) => {
      if (s.ws !== ws) return;
      s.ws = null;
      failPending("connection lost");
      if (TERMINAL(ev.code)) {
        s.wanted = false;
        setStatus("failed", `${ev.code} ${ev.reason}`);
        $("signin-error").textContent = `Refused by the server (${ev.code} ${ev.reason || ""}). Check the token.`;
        log(`Connection refused: ${ev.code} ${ev.reason || ""}`);
        return;
      }
      if (s.wanted) scheduleReconnect(ev.code, ev.reason);
      else setStatus("disconnected");
    };
  }

  function scheduleReconnect(code, reason) {
    // Capped exponential backoff with full jitter.
    const delay = Math.random() * Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(s.attempt, 16));
    s.attempt += 1;
    setStatus("reconnecting", `closed ${code || ""} ${reason || ""}`);
    log(`Connection closed (${code || "no code"}); retrying in ${(delay / 1000).toFixed(1)} s.`);
    s.timer = setTimeout(() => { if (s.wanted) openSocket(); }, delay);
  }

  function send(msg) {
    if (!s.ws || s.ws.readyState !== WebSocket.OPEN) return false;
    s.ws.send(JSON.stringify(msg));
    return true;
  }

  function request(msg) {
    return new Promise((resolve, reject) => {
      const id = s.nextId++;
      if (!send({ ...msg, id })) { reject(new ApiError(0, "not_connected", "not connected")); return; }
      const timer = setTimeout(() => {
        s.pending.delete(id);
        reject(new ApiError(0, "timeout", "no reply from the server"));
      }, REQUEST_TIMEOUT_MS);
      s.pending.set(id, { resolve, reject, timer });
    });
  }

  function failPending(reason) {
    for (const [id, p] of s.pending) {
      clearTimeout(p.timer);
      p.reject(new ApiError(0, "not_connected", reason));
      s.pending.delete(id);
    }
  }

  function advance(to) {
    if (typeof to === "number" && (s.watermark === null || to > s.watermark)) s.watermark = to;
    if (s.watermark === null) return;
    for (const seq of [...s.above]) if (seq <= s.watermark) s.above.delete(seq);
    while (s.above.has(s.watermark + 1)) { s.watermark += 1; s.above.delete(s.watermark); }
    text($("me-seq"), s.watermark);
  }

  function handle(ws, msg) {
    switch (msg.type) {
      case "connected":
        s.attempt = 0;
        s.connLastSeq = typeof msg.last_seq === "number" ? msg.last_seq : null;
        if (s.connLastSeq !== null && s.watermark !== null && s.connLastSeq < s.watermark) {
          // The server's numbering went backwards (database replaced): start over like a fresh device.
          s.watermark = null; s.above.clear();
          ws.close(1000, "resync");
          return;
        }
        text($("me-conn"), msg.connection_id);
        setStatus("connected");
        log(`Connected as ${msg.user_id}.`);
        return;
      case "ping":
        send({ type: "pong" });
        return;
      case "replay_complete":
        advance(s.connLastSeq);
        if (msg.count) log(`Replayed ${msg.count} missed alert(s).`);
        return;
      case "fraud_alert":
        onAlert(msg);
        return;
      case "alert_acked":
        onAckedElsewhere(msg.alert_id);
        return;
      default: {
        const p = typeof msg.id === "number" ? s.pending.get(msg.id) : undefined;
        if (p) {
          s.pending.delete(msg.id);
          clearTimeout(p.timer);
          if (msg.type === "error") p.reject(new ApiError(0, msg.code, msg.message));
          else p.resolve(msg);
        } else if (msg.type === "error") {
          log(`Server error: ${msg.code}: ${msg.message}`);
        }
      }
    }
  }

  // ---- alerts and the modal ------------------------------------------------------------------------------------
  function onAlert(msg) {
    if (typeof msg.seq === "number") { s.above.add(msg.seq); advance(); }
    if (!msg.alert_id || s.seen.has(msg.alert_id)) return;
    s.seen.add(msg.alert_id);
    log(`Alert ${shortId(msg.alert_id)}: ${msg.fraud_type} (${msg.risk_level}, ${msg.risk_score})${msg.test ? " [test]" : ""}.`);
    if (!msg.is_fraud || !msg.fraud_type) return;  // the mobile app's rule: both fields
    s.queue.push(msg);
    if (!s.current) showNext();
  }

  function showNext() {
    const next = s.queue.shift();
    s.current = next || null;
    $("alert-backdrop").hidden = !next;
    if (!next) return;
    text($("alert-type"), String(next.fraud_type).replace(/_/g, " "));
    const level = $("alert-level");
    level.textContent = next.risk_level;
    level.className = "level level-" + (/^[a-z]+$/.test(next.risk_level) ? next.risk_level : "unknown");
    text($("alert-score"), next.risk_score);
    $("alert-test").hidden = !next.test;
    const reasons = $("alert-reasons");
    reasons.replaceChildren(...(next.reasons || []).map((r) => {
      const li = document.createElement("li"); li.textContent = String(r); return li;
    }));
    $("alert-advice").textContent = next.advice || "";
    $("alert-call").textContent = next.call_sid ? `call ${next.call_sid}` : "";
    $("alert-error").textContent = "";
    setAnswerButtons(true);
    $("hang-up").focus();
  }

  function setAnswerButtons(enabled) {
    $("hang-up").disabled = !enabled;
    $("continue-call").disabled = !enabled;
  }

  async function answer(action) {
    const alert = s.current;
    if (!alert) return;
    s.answering = alert.alert_id;
    setAnswerButtons(false);
    try {
      await request({ type: "alert_response", alert_id: alert.alert_id, action });
      await request({ type: "ack", alert_id: alert.alert_id });
      $("last-response").textContent = `${action} (alert ${shortId(alert.alert_id)})`;
      $("last-response").dataset.action = action;
      log(`Response recorded: ${action} for alert ${shortId(alert.alert_id)}.`);
      s.answering = null;
      showNext();
    } catch (err) {
      s.answering = null;
      $("alert-error").textContent = `Could not record the answer: ${describe(err)}`;
      setAnswerButtons(true);
    }
  }

  function onAckedElsewhere(alertId) {
    s.queue = s.queue.filter((a) => a.alert_id !== alertId);
    if (s.current && s.current.alert_id === alertId && s.answering !== alertId) {
      log(`Alert ${shortId(alertId)} was answered on another device.`);
      showNext();
    }
  }

  // ---- call controls -------------------------------------------------------------------------------------------
  function setCall(sid) {
    s.callSid = sid;
    text($("current-call"), sid || "none");
  }

  function callSidInput() {
    const sid = $("call-sid").value.trim();
    if (!sid) throw new ApiError(0, "missing_call_sid", "Enter a call SID (or press New).");
    return sid;
  }

  async function associate() {
    try {
      const sid = callSidInput();
      let out;
      let via = "socket";
      try { out = await request({ type: "associate_call", call_sid: sid }); }
      catch (err) {
        if (err.code !== "not_connected") throw err;
        via = "HTTP";
        out = await api("POST", "/api/associate-call", { call_sid: sid });
      }
      setCall(sid);
      log(`Call ${sid} associated over ${via}${out.already_associated ? " (already)" : ""}` +
          `${out.held_alerts ? `, ${out.held_alerts} held alert(s) released` : ""}.`);
    } catch (err) {
      log(`Associate failed: ${describe(err)}`);
    }
  }

  async function sendTranscript() {
    try {
      const sid = s.callSid || callSidInput();
      const line = $("transcript-text").value.trim();
      if (!line) return;
      const body = { text: line, speaker: $("speaker").value, final: true };
      let out;
      try { out = await request({ type: "transcript", call_sid: sid, ...body }); }
      catch (err) {
        if (err.code !== "not_connected") throw err;
        out = await api("POST", `/api/calls/${encodeURIComponent(sid)}/transcript`, body);
      }
      $("call-risk").textContent = `Call risk so far: ${out.risk_score} (${out.risk_level})`;
      $("transcript-text").value = "";
    } catch (err) {
      log(`Transcript failed: ${describe(err)}`);
    }
  }

  async function simulate() {
    try {
      const body = s.callSid ? { call_sid: s.callSid } : {};
      const out = await api("POST", "/api/debug/simulate-alert", body);
      log(`Test alert ${shortId(out.alert_id)} sent (seq ${out.seq}).`);
    } catch (err) {
      log(`Simulate failed: ${describe(err)}`);
    }
  }

  async function refreshServer() {
    try {
      const info = await api("GET", "/api/active-connections");
      $("server-total").textContent = `${info.total_connections} connection(s) on this instance`;
      $("server-connections").replaceChildren(...info.connections.map((c) =>
        row([c.user_id, c.phone_number || "–", shortId(c.connection_id)])));
      $("server-calls").replaceChildren(...Object.entries(info.call_mappings || {}).map(([sid, uid]) => row([sid, uid])));
    } catch (err) {
      $("server-total").textContent = describe(err);
    }
  }

  function row(cells) {
    const tr = document.createElement("tr");
    for (const c of cells) { const td = document.createElement("td"); td.textContent = String(c); tr.append(td); }
    return tr;
  }

  // ---- analysis playground -------------------------------------------------------------------------------------
  const UPI = /^\s*upi:/i;
  const URL_LIKE = /^\s*(?:[a-z][a-z0-9+.-]*:\/\/\S+|(?:www\.)?[^\s/@]+\.[a-z]{2,}(?:[/:?#]\S*)?)\s*$/i;

  function detectKind(value) {  // same rule as scamshield.client.detect_kind
    if (UPI.test(value)) return "qr";
    if (URL_LIKE.test(value)) return "url";
    return "sms";
  }

  async function analyse() {
    const value = $("analyze-input").value;
    $("analyze-error").textContent = "";
    if (!value.trim()) { $("analyze-error").textContent = "Paste something to analyse."; return; }
    const chosen = $("analyze-kind").value;
    const kind = chosen === "auto" ? detectKind(value) : chosen;
    $("detected-kind").textContent = chosen === "auto" ? `detected: ${kind}` : "";
    const body = kind === "url" ? { url: value.trim() } : kind === "qr" ? { qr_data: value.trim() } : { message: value };
    $("analyze-submit").disabled = true;
    try {
      render(await api("POST", `/analyze/${kind}`, body));
    } catch (err) {
      $("analysis-result").hidden = true;
      $("analyze-error").textContent = describe(err);
    } finally {
      $("analyze-submit").disabled = false;
    }
  }

  function render(a) {
    $("result-score").textContent = String(a.risk_score);
    const level = $("result-level");
    level.textContent = a.risk_level;
    level.className = "level level-" + (/^[a-z]+$/.test(a.risk_level) ? a.risk_level : "unknown");
    $("result-verdict").textContent = a.is_safe ? "looks safe" : "do not trust this";
    $("result-verdict").className = a.is_safe ? "ok" : "bad";
    const rows = (a.signals || []).map((sig) => {
      const tr = row([sig.code, (sig.weight > 0 ? "+" : "") + sig.weight, sig.message]);
      tr.dataset.code = String(sig.code);
      tr.firstElementChild.className = "mono";
      return tr;
    });
    if (!rows.length) rows.push(row(["–", "0", "No risk signals."]));
    $("result-signals").replaceChildren(...rows);
    $("result-advice").replaceChildren(...(a.recommendations || []).slice(0, 4).map((r) => {
      const li = document.createElement("li"); li.textContent = String(r); return li;
    }));
    $("analysis-result").hidden = false;
  }

  // ---- wiring --------------------------------------------------------------------------------------------------
  function newCallSid() {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    $("call-sid").value = "CONSOLE" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("connect").addEventListener("click", connect);
    $("disconnect").addEventListener("click", disconnect);
    $("mint").addEventListener("click", mint);
    $("associate").addEventListener("click", associate);
    $("new-call").addEventListener("click", newCallSid);
    $("send-transcript").addEventListener("click", sendTranscript);
    $("transcript-text").addEventListener("keydown", (e) => { if (e.key === "Enter") sendTranscript(); });
    $("simulate-alert").addEventListener("click", simulate);
    $("refresh-server").addEventListener("click", refreshServer);
    $("analyze-submit").addEventListener("click", analyse);
    $("hang-up").addEventListener("click", () => answer("hang_up"));
    $("continue-call").addEventListener("click", () => answer("continue"));
    $("dev-mint").hidden = document.body.dataset.devTokens !== "on";
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) {
      $("token-input").value = saved;
      $("remember").checked = true;
      connect();
    }
  });
})();
