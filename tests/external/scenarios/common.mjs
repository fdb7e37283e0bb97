// Small helpers shared by the scenarios.
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Resolves when the bot has called getUpdates once (it is up and polling); throws if it exits first. */
export async function waitForPolling(fake, bot, timeoutMs = 60_000) {
  let seen = false;
  const stop = fake.onCall((c) => {
    if (c.method === "getUpdates") seen = true;
  });
  const deadline = now() + timeoutMs;
  try {
    while (!seen) {
      if (bot.child.exitCode !== null) throw new Error(`${bot.name} exited with ${bot.child.exitCode}:\n${bot.output.join("").slice(-3000)}`);
      if (now() > deadline) throw new Error(`${bot.name} did not poll within ${timeoutMs} ms:\n${bot.output.join("").slice(-3000)}`);
      await sleep(20);
    }
  } finally {
    stop();
  }
}

export const median = (xs) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "–");
