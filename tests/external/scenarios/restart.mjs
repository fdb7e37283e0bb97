// Restart: SIGKILL mid-broadcast, start again on the same data; how soon delivery resumes, that everyone gets it,
// and how many got it twice.
import { rmSync } from "node:fs";
import { startFakeBotApi } from "../fake-bot-api.mjs";
import { startAntq } from "../bots.mjs";
import { seed } from "./seed.mjs";
import { sendBroadcast, watchDeliveries } from "./broadcast.mjs";
import { fmt, now, sleep, waitForPolling } from "./common.mjs";

async function once(dll, areasFile, recipients) {
  const directory = await seed(dll, areasFile, recipients);
  const fake = await startFakeBotApi({ windowLimit: 30, firstUpdateId: 50_000_000 });
  let bot = startAntq(dll, fake, { directory });
  try {
    await waitForPolling(fake, bot);
    const deliveries = watchDeliveries(fake);
    const { recipients: announced } = await sendBroadcast(fake);
    while (deliveries.perChat.size < announced / 3) await sleep(5);
    await bot.kill();
    const before = deliveries.ok.length;
    const restartedAt = now();
    bot = startAntq(dll, fake, { directory });
    const deadline = now() + 120_000;
    while (deliveries.perChat.size < announced && now() < deadline) await sleep(20);
    await sleep(1000);
    deliveries.stop();
    const after = deliveries.ok.slice(before);
    const twice = [...deliveries.perChat.values()].filter((n) => n > 1).length;
    const result = {
      announced,
      beforeKill: before,
      reached: deliveries.perChat.size,
      first: after.length ? (after[0] - restartedAt) / 1000 : NaN,
      last: after.length ? (after.at(-1) - restartedAt) / 1000 : NaN,
      twice,
    };
    console.log(`  killed after ${before} sent; restart → first resumed ${fmt(result.first, 2)} s, last ${fmt(result.last, 2)} s; ${result.reached}/${announced} reached, ${twice} twice`);
    return result;
  } finally {
    await bot.stop();
    await fake.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

export async function restartScenario(dll, areasFile, { recipients, runs }) {
  const results = [];
  for (let run = 1; run <= runs; run++) {
    console.log(`Run ${run}/${runs}`);
    results.push(await once(dll, areasFile, recipients));
  }
  const ok = results.every((r) => r.reached === r.announced && r.first <= 10);
  const rows = results.map((r, i) => `| ${i + 1} | ${r.announced} | ${r.beforeKill} | ${fmt(r.first, 2)} s | ${fmt(r.last, 2)} s | ${r.reached} | ${r.twice} |`);
  return {
    ok,
    text: results.map((r) => `first resumed ${fmt(r.first, 2)} s after the restart, last ${fmt(r.last, 2)} s, ${r.twice} twice`).join("\n"),
    markdown: (command, machine) => `### Restart mid-broadcast, the bot as its own process — ${machine.when}

Command: \`${command}\`  
Machine: ${machine.text}

A ward broadcast to ${recipients} residents at the default settings against the fake Bot API's rolling 30/s window; once
a third of them have it, the process is killed with SIGKILL and started again on the same database (the time counts
from that start, .NET start-up included). Goals: delivery resumes within 10 s, everybody gets it, duplicates bounded by
what was in flight at the kill.

| Run | Residents | Sent before the kill | Restart → first resumed | Restart → last | Reached | Got it twice |
|---:|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}
`,
  };
}
