// Broadcast pacing: the bot as its own process at its default settings, against a fake Bot API that enforces
// Telegram's limit as the server counts it (any rolling one-second window); achieved rate over the limit, 429s.
import { rmSync } from "node:fs";
import { startFakeBotApi } from "../fake-bot-api.mjs";
import { startAntq } from "../bots.mjs";
import { ChatDriver } from "../chat.mjs";
import { seed, officerChat, firstResident } from "./seed.mjs";
import { fmt, now, sleep, waitForPolling } from "./common.mjs";

export const marker = "Tuyên truyền: cảnh giác với cuộc gọi giả danh công an";

/** The officer composes a broadcast to the ward, now, and confirms; returns the number of recipients announced. */
export async function sendBroadcast(fake) {
  const officer = new ChatDriver(fake, officerChat);
  officer.says("/broadcast");
  await officer.sees("Soạn tin gửi người dân");
  officer.says(marker + " yêu cầu chuyển tiền.");
  await officer.sees("Tin thuộc chủ đề nào?");
  officer.taps("Tuyên truyền");
  await officer.sees("Gửi đến: Phường Chi Lăng.");
  officer.taps("Tiếp tục");
  await officer.sees("Gửi khi nào?");
  officer.taps("Gửi ngay");
  await officer.sees("Xác nhận gửi?");
  officer.taps("Xác nhận gửi");
  const progress = await officer.sees("Đang gửi tin #");
  return { officer, recipients: Number(/đến ([\d.,]+) người/.exec(progress.text)?.[1].replace(/[.,]/g, "") ?? NaN) };
}

/** Deliveries of the broadcast to residents, as the fake accepted (200) or refused (429) them. */
export function watchDeliveries(fake) {
  const seen = { ok: [], refused: 0, perChat: new Map() };
  seen.stop = fake.onCall((c) => {
    const chat = Number(c.params.chat_id);
    if (!(chat >= firstResident - 1 && chat < firstResident + 1_000_000) || !String(c.params.text ?? c.params.caption ?? "").includes(marker)) return;
    if (c.status === 429) seen.refused++;
    else if (c.status === 200) {
      seen.ok.push(c.t);
      seen.perChat.set(chat, (seen.perChat.get(chat) ?? 0) + 1);
    }
  });
  return seen;
}

async function scenario(dll, areasFile, { name, recipients, limit, paidLimit, settings }) {
  const directory = await seed(dll, areasFile, recipients);
  const fake = await startFakeBotApi({ windowLimit: limit, paidWindowLimit: paidLimit ?? 0, firstUpdateId: 50_000_000 });
  const bot = startAntq(dll, fake, { directory, settings });
  try {
    await waitForPolling(fake, bot);
    const deliveries = watchDeliveries(fake);
    const { recipients: announced } = await sendBroadcast(fake);
    const deadline = now() + 120_000 + (announced / (paidLimit || limit)) * 3000;
    while (deliveries.perChat.size < announced && now() < deadline) await sleep(50);
    await sleep(300);
    deliveries.stop();
    const span = (deliveries.ok.at(-1) - deliveries.ok[0]) / 1000;
    // n messages over a span from the first to the last: n − 1 intervals.
    const rate = (deliveries.ok.length - 1) / span;
    const allowed = paidLimit || limit;
    const result = { name, announced, delivered: deliveries.perChat.size, sent: deliveries.ok.length, span, rate, allowed, ratio: rate / allowed, refused: deliveries.refused, all429: fake.stats.rejected429 };
    console.log(`  ${name}: ${result.delivered}/${announced} residents, ${fmt(rate, 1)} messages/s of ${allowed} allowed (${(result.ratio * 100).toFixed(1)} %), ${result.all429} answered 429`);
    return result;
  } finally {
    await bot.stop();
    await fake.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

export async function broadcastScenarios(dll, areasFile, { recipients, runs }) {
  const results = [];
  for (let run = 1; run <= runs; run++) {
    console.log(`Run ${run}/${runs}`);
    results.push(await scenario(dll, areasFile, { name: "30/s (default settings)", recipients, limit: 30, settings: {} }));
    results.push(await scenario(dll, areasFile, { name: "1,000/s paid", recipients: Math.max(recipients, 3000), limit: 30, paidLimit: 1000, settings: { "Telegram:PaidBroadcast": "true" } }));
  }
  const ok = results.every((r) => r.delivered === r.announced && r.ratio >= 0.9 && r.all429 <= 2);
  const rows = results.map((r, i) => `| ${Math.floor(i / 2) + 1} | ${r.name} | ${r.delivered} / ${r.announced} | ${fmt(r.span, 2)} s | ${fmt(r.rate, 1)} | ${r.allowed} | **${(r.ratio * 100).toFixed(1)} %** | ${r.all429} |`);
  return {
    ok,
    text: results.map((r) => `${r.name}: ${(r.ratio * 100).toFixed(1)} % of the limit, ${r.all429} × 429`).join("\n"),
    markdown: (command, machine) => `### Broadcast pacing, the bot as its own process — ${machine.when}

Command: \`${command}\`  
Machine: ${machine.text}

Antq.Bot (Release, its own process, default settings but quiet hours off) sends a ward broadcast composed by an officer
in the chat to residents who signed up through onboarding. The fake Bot API (\`tests/external/fake-bot-api.mjs\`, its
own Node.js process) accepts at most 30 messages in any rolling one-second window (and 1,000 for messages with
\`allow_paid_broadcast\`), as Telegram counts them; beyond that it answers 429 with \`retry_after\` 1. The rate is the
accepted broadcast messages over the time from the first to the last (n − 1 intervals); 429s count every message the
fake refused, replies included. Goals: ratio ≥ 0.97, no 429.

| Run | Limit | Residents reached | First → last | Messages/s | Allowed | Ratio | 429s |
|---|---|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}
`,
  };
}
