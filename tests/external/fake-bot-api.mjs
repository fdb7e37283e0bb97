// A fake Telegram Bot API server in a process of its own, for benchmarks where the bot is a separate process.
// It hands out queued updates through getUpdates (long polling), answers the methods a bot calls, and can
// enforce Telegram's limit the way the server counts it: at most N messages in ANY rolling one-second window,
// beyond that 429 with retry_after 1 (and a separate window for paid broadcasts).
import http from "node:http";

const now = () => Number(process.hrtime.bigint()) / 1e6; // milliseconds, monotonic

/** Whether a method puts a message in a chat (what the broadcast limit counts). */
export const isMessage = (method) =>
  (method.startsWith("send") && method !== "sendChatAction") ||
  ["copyMessage", "copyMessages", "forwardMessage", "forwardMessages"].includes(method);

/** At most `limit` events in any window of `windowMs`; a rejected event is not counted. */
export class RollingWindow {
  constructor(limit, windowMs = 1000) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.times = [];
    this.head = 0;
  }

  tryTake(t) {
    while (this.head < this.times.length && this.times[this.head] <= t - this.windowMs) this.head++;
    if (this.head > 4096) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    if (this.times.length - this.head >= this.limit) return false;
    this.times.push(t);
    return true;
  }
}

// Update ids go on from `firstUpdateId`: a bot keeps the ids it has stored, so a second fake for the same database
// must not start again at 1 (Telegram's ids only grow).
export async function startFakeBotApi({ token = "123456:BENCH-external", windowLimit = 0, paidWindowLimit = 0, firstUpdateId = 1 } = {}) {
  const updates = []; // { update_id, json }
  let nextUpdateId = firstUpdateId;
  let confirmed = 0;
  let waiters = [];
  const messageIds = new Map(); // chat id -> last message id
  const listeners = new Set();
  const free = windowLimit > 0 ? new RollingWindow(windowLimit) : null;
  const paid = paidWindowLimit > 0 ? new RollingWindow(paidWindowLimit) : null;
  const stats = { calls: 0, rejected429: 0, accepted: 0, byMethod: {} };

  const enqueue = (build) => {
    const id = nextUpdateId++;
    updates.push({ update_id: id, json: build(id) });
    const ready = waiters;
    waiters = [];
    for (const w of ready) w();
    return id;
  };

  const pending = (offset) => {
    if (offset > confirmed) {
      confirmed = offset;
      let drop = 0;
      while (drop < updates.length && updates[drop].update_id < offset) drop++;
      if (drop > 0) updates.splice(0, drop);
    }
    return updates.filter((u) => u.update_id >= offset);
  };

  const getUpdates = async (params) => {
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(100, Number(params.limit ?? 100));
    const timeout = Math.min(50, Number(params.timeout ?? 0));
    let ready = pending(offset);
    if (ready.length === 0 && timeout > 0) {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, timeout * 1000);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      ready = pending(offset);
    }
    return "[" + ready.slice(0, limit).map((u) => u.json).join(",") + "]";
  };

  const message = (chatId, params, messageId) => {
    const id = messageId ?? (messageIds.get(chatId) ?? 0) + 1;
    if (messageId === undefined) messageIds.set(chatId, id);
    const m = { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: "private" } };
    if (params.text !== undefined) m.text = params.text;
    if (params.caption !== undefined) m.caption = params.caption;
    if (params.reply_markup !== undefined) m.reply_markup = typeof params.reply_markup === "string" ? JSON.parse(params.reply_markup) : params.reply_markup;
    if (params.photo !== undefined) m.photo = [{ file_id: "photo-" + id, file_unique_id: "u" + id, width: 1, height: 1 }];
    return m;
  };

  const answer = (method, params) => {
    const chatId = params.chat_id !== undefined ? String(params.chat_id) : undefined;
    switch (method) {
      case "getMe":
        return { id: 123456, is_bot: true, first_name: "Antq bench", username: "antq_bench_bot" };
      case "editMessageText":
      case "editMessageCaption":
      case "editMessageReplyMarkup":
        return message(chatId, params, Number(params.message_id));
      case "getWebhookInfo":
        return { url: "", has_custom_certificate: false, pending_update_count: 0 };
      case "getMyCommands":
        return [];
      default:
        if (method.startsWith("send") && method !== "sendChatAction") return message(chatId, params);
        if (method === "copyMessage") return { message_id: (messageIds.get(chatId) ?? 0) + 1 };
        return true;
    }
  };

  const readBody = (req) =>
    new Promise((resolve, reject) => {
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks)));
      req.on("error", reject);
    });

  const parseParams = (req, body, url) => {
    const params = Object.fromEntries(url.searchParams);
    const type = req.headers["content-type"] ?? "";
    if (body.length === 0) return params;
    if (type.includes("application/json")) return { ...params, ...JSON.parse(body.toString("utf8")) };
    if (type.includes("application/x-www-form-urlencoded")) return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) };
    if (type.includes("multipart/form-data")) {
      // Only the text fields matter here; a file part is taken as present.
      const boundary = "--" + type.split("boundary=")[1].replace(/"/g, "");
      for (const part of body.toString("latin1").split(boundary)) {
        const m = /name="([^"]+)"(; filename="[^"]*")?\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*)\r\n$/.exec(part);
        if (m) params[m[1]] = m[2] ? "<file>" : Buffer.from(m[3], "latin1").toString("utf8");
      }
      return params;
    }
    return params;
  };

  const send = (res, status, json) => {
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
    res.end(json);
  };

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      const body = await readBody(req);
      if (!m || m[1] !== token) return send(res, 404, '{"ok":false,"error_code":404,"description":"Not Found"}');
      const method = m[2].charAt(0).toLowerCase() + m[2].slice(1);
      const params = parseParams(req, body, url);
      stats.calls++;
      stats.byMethod[method] = (stats.byMethod[method] ?? 0) + 1;
      const t = now();
      if (method === "getUpdates") {
        for (const l of listeners) l({ method, params, status: 200, t });
        const result = await getUpdates(params);
        return send(res, 200, '{"ok":true,"result":' + result + "}");
      }
      if (isMessage(method)) {
        const isPaid = params.allow_paid_broadcast === true || params.allow_paid_broadcast === "true";
        const window = isPaid && paid ? paid : free;
        if (window && !window.tryTake(t)) {
          stats.rejected429++;
          for (const l of listeners) l({ method, params, status: 429, t });
          return send(res, 429, '{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}');
        }
        stats.accepted++;
      }
      const result = answer(method, params);
      for (const l of listeners) l({ method, params, status: 200, t, result });
      return send(res, 200, JSON.stringify({ ok: true, result }));
    } catch (e) {
      return send(res, 400, JSON.stringify({ ok: false, error_code: 400, description: "Bad Request: " + e.message }));
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    token,
    baseUrl: `http://127.0.0.1:${port}`,
    stats,
    enqueue,
    onCall: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      new Promise((resolve) => {
        for (const w of waiters) w();
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}
