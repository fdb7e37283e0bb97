// Inbound throughput with the bot as its own process: residents go through onboarding as fast as they are
// answered (closed loop), every update through the fake's getUpdates, every reply seen at the fake.
import { isReply, OnboardingScript } from "./residents.mjs";

const now = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Replies by chat, as the fake receives them, with the message id of the last one (buttons name it). */
class ReplyLog {
  constructor(fake) {
    this.byChat = new Map();
    this.waiters = new Map();
    this.last = 0;
    this.methods = new Map();
    this.stop = fake.onCall((call) => {
      if (!isReply(call)) return;
      const chat = Number(call.params.chat_id);
      const entry = this.byChat.get(chat) ?? { count: 0, messageId: 0 };
      entry.count++;
      entry.messageId = call.result?.message_id ?? entry.messageId;
      this.byChat.set(chat, entry);
      this.last = call.t;
      const list = this.methods.get(chat);
      if (list) list.push(call.method + (call.params.text ? ": " + String(call.params.text).slice(0, 60).replaceAll("\n", " ") : ""));
      const waiter = this.waiters.get(chat);
      if (waiter && entry.count >= waiter.target) {
        this.waiters.delete(chat);
        waiter.resolve();
      }
    });
  }

  count(chat) {
    return this.byChat.get(chat)?.count ?? 0;
  }

  messageId(chat) {
    return this.byChat.get(chat)?.messageId ?? 0;
  }

  until(chat, target, timeoutMs) {
    if (this.count(chat) >= target) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(chat);
        resolve(false);
      }, timeoutMs);
      this.waiters.set(chat, { target, resolve: () => { clearTimeout(timer); resolve(true); } });
    });
  }
}

/** Walks one resident slowly through the script to learn how many replies each step gives. */
async function calibrate(fake, replies, script, chat, log) {
  const counts = [];
  replies.methods.set(chat, []);
  for (let step = 0; step < script.length; step++) {
    const before = replies.count(chat);
    const messageId = replies.messageId(chat);
    fake.enqueue((id) => script.input(step, id, chat, 0, messageId));
    const deadline = now() + 20_000;
    while (replies.count(chat) === before && now() < deadline) await sleep(10);
    let seen = replies.count(chat);
    for (let quiet = now(); now() - quiet < 300; ) {
      await sleep(20);
      if (replies.count(chat) !== seen) {
        seen = replies.count(chat);
        quiet = now();
      }
    }
    if (seen === before) throw new Error(`calibration: step ${step} (${OnboardingScript.steps[step]}) got no reply`);
    counts.push(seen - before);
  }
  log(`  replies per step: ${counts.join(", ")}`);
  for (const line of replies.methods.get(chat)) log("    " + line);
  replies.methods.delete(chat);
  return counts;
}

/**
 * `residents` go through the script concurrently, each sending its next input when the replies to the previous
 * one have all arrived. Chat ids start at `firstChat` (the bot must not know them yet).
 */
export async function runOnboarding(fake, areasFile, { residents = 1000, firstChat = 7_000_000, warmUp = 200, ward, log = console.log, cpu = () => NaN } = {}) {
  const script = new OnboardingScript(areasFile, ward);
  const replies = new ReplyLog(fake);
  try {
    const counts = await calibrate(fake, replies, script, firstChat - 1, log);
    const cumulative = counts.map((_, i) => counts.slice(0, i + 1).reduce((a, b) => a + b, 0));
    const walk = async (base, n) => {
      let timeouts = 0;
      await Promise.all(
        Array.from({ length: n }, async (_, r) => {
          const chat = base + r;
          for (let step = 0; step < script.length; step++) {
            const messageId = replies.messageId(chat);
            fake.enqueue((id) => script.input(step, id, chat, r, messageId));
            if (!(await replies.until(chat, cumulative[step], 30_000))) {
              timeouts++;
              return;
            }
          }
        }),
      );
      return timeouts;
    };

    // The warm-up goes in rounds of at most `residents`, as the measured loop does.
    for (let done = 0; done < warmUp; done += residents) {
      const n = Math.min(residents, warmUp - done);
      log(`  warm-up: ${n} residents`);
      await walk(firstChat + 1_000_000 + done, n);
    }

    const start = now();
    const [botCpu0, fakeCpu0] = [cpu(), process.cpuUsage()];
    const timeouts = await walk(firstChat, residents);
    const seconds = (replies.last - start) / 1000;
    const updates = residents * script.length;
    const fakeCpu = process.cpuUsage(fakeCpu0);
    // CPU milliseconds per update: the bot's process, and this one (the fake Bot API and the load).
    const botMs = ((cpu() - botCpu0) * 1000) / updates;
    const fakeMs = (fakeCpu.user + fakeCpu.system) / 1000 / updates;
    return { residents, updates, seconds, rate: updates / seconds, repliesPerStep: counts, timeouts, botMs, fakeMs };
  } finally {
    replies.stop();
  }
}
