// Inbound: Antq.Bot and the grammY peer, each its own process, against the same fake Bot API process; the same
// onboarding script; runs interleaved (Antq, grammY, Antq, …) so that the machine's mood hits both alike.
import { startFakeBotApi } from "../fake-bot-api.mjs";
import { startAntq, startPeer } from "../bots.mjs";
import { runOnboarding } from "../inbound.mjs";
import { waitForPolling, median, fmt } from "./common.mjs";

// Telegram's limits are not what is measured here (the peer has none): raised as in the in-process benchmark.
const unlimited = {
  "Telegram:RateLimit:PerSecond": 100000,
  "Telegram:RateLimit:PerChatPerSecond": 1000,
  "Telegram:RateLimit:PerChatBurst": 100,
};

async function once(name, start, areasFile, residents, chatBase, warmUp) {
  const fake = await startFakeBotApi();
  const bot = start(fake);
  try {
    await waitForPolling(fake, bot);
    console.log(`${name}:`);
    const result = await runOnboarding(fake, areasFile, { residents, firstChat: chatBase, warmUp, cpu: () => bot.cpuSeconds() });
    console.log(`  ${result.updates} updates in ${result.seconds.toFixed(2)} s: ${fmt(result.rate)} updates/s; CPU per update: bot ${result.botMs.toFixed(3)} ms, fake and load ${result.fakeMs.toFixed(3)} ms${result.timeouts ? `, ${result.timeouts} residents not answered in time` : ""}`);
    console.log("  calls: " + Object.entries(fake.stats.byMethod).map(([m, n]) => `${m} ${n}`).join(", "));
    return result;
  } catch (e) {
    console.log(bot.output.join("").slice(-3000));
    throw e;
  } finally {
    await bot.stop();
    bot.dispose();
    await fake.close();
  }
}

export async function inboundComparison(dll, areasFile, { residents, runs, only, warmUp }) {
  const antq = [];
  const peer = [];
  for (let run = 1; run <= runs; run++) {
    console.log(`Run ${run}/${runs}`);
    if (only !== "grammy") antq.push(await once("Antq.Bot", (fake) => startAntq(dll, fake, { settings: unlimited }), areasFile, residents, 7_000_000 + run * 10_000, warmUp));
    if (only !== "antq") peer.push(await once("grammY", (fake) => startPeer(fake), areasFile, residents, 8_000_000 + run * 10_000, warmUp));
  }

  const a = median(antq.map((r) => r.rate));
  const g = median(peer.map((r) => r.rate));
  const ratio = a && g ? a / g : NaN;
  const ok = [...antq, ...peer].every((r) => r.timeouts === 0) && (only || ratio >= 2);
  const rows = [];
  for (let i = 0; i < Math.max(antq.length, peer.length); i++) {
    const cpu = (r) => (r ? `${r.botMs.toFixed(3)} / ${r.fakeMs.toFixed(3)} ms` : "–");
    rows.push(`| ${i + 1} | ${antq[i] ? fmt(antq[i].rate) : "–"} | ${peer[i] ? fmt(peer[i].rate) : "–"} | ${antq[i] && peer[i] ? (antq[i].rate / peer[i].rate).toFixed(2) + "×" : "–"} | ${cpu(antq[i])} | ${cpu(peer[i])} |`);
  }

  return {
    ok,
    text: `median: Antq.Bot ${fmt(a)} updates/s, grammY ${fmt(g)} updates/s, ratio ${ratio.toFixed(2)}× (goal ≥ 2×)`,
    markdown: (command, machine) => `### Inbound against grammY, each bot its own process — ${machine.when}

Command: \`${command}\`  
Machine: ${machine.text}

Closed loop: ${residents} residents go through onboarding (/start → language → consent → ward → unit → one topic → done,
7 updates each), each sending its next input when the replies to the previous one reached the fake Bot API; a warm-up
of ${warmUp} other residents first, in the same closed loop, so that both runtimes' JIT compilers have settled (.NET's
tiered compilation was still promoting methods after 500). The fake Bot API and the load are one Node.js process
(\`tests/external/fake-bot-api.mjs\`); the bot under test is another: Antq.Bot (Release build, SQLite file, server GC,
Telegram's limits raised since the peer has none) or grammY 1.46 with @grammyjs/conversations 2.1, file session
storage (@grammyjs/storage-file 2.6, for the conversation and the profile) and @grammyjs/runner 2.0
(\`tests/external/peer-bot.mjs\`, sending the same messages at each step: ${antq[0]?.repliesPerStep.join(", ") ?? "?"} for Antq.Bot,
${peer[0]?.repliesPerStep.join(", ") ?? "?"} for grammY). Runs alternate between the two bots.

| Run | Antq.Bot updates/s | grammY updates/s | ratio | CPU per update, Antq.Bot / fake | CPU per update, grammY / fake |
|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}

Median: Antq.Bot **${fmt(a)}** updates/s, grammY **${fmt(g)}** updates/s: **${ratio.toFixed(2)}×** (goal ≥ 2×) — ${ratio >= 2 ? "**met**" : "**not met**"}.
`,
  };
}
