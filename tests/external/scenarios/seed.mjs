// A database with an officer of Chi Lăng and residents of Chi Lăng who follow security news, made the way it is in
// production: the officer with the command-line verb, the residents by going through onboarding in the chat.
import { startFakeBotApi } from "../fake-bot-api.mjs";
import { antqVerb, freshDirectory, startAntq } from "../bots.mjs";
import { runOnboarding } from "../inbound.mjs";
import { waitForPolling } from "./common.mjs";

export const officerChat = 5_550_001;
export const firstResident = 6_000_000;

export async function seed(dll, areasFile, recipients) {
  const directory = freshDirectory("antq-ext-bc-");
  const fake = await startFakeBotApi();
  const bot = startAntq(dll, fake, { directory, settings: { "Telegram:RateLimit:PerSecond": 100000, "Telegram:RateLimit:PerChatPerSecond": 1000, "Telegram:RateLimit:PerChatBurst": 100 } });
  try {
    await waitForPolling(fake, bot);
    const result = await runOnboarding(fake, areasFile, { residents: recipients, firstChat: firstResident, warmUp: 0, ward: "chi-lang", log: () => {} });
    if (result.timeouts) throw new Error(`seeding: ${result.timeouts} residents were not answered`);
  } finally {
    await bot.stop();
    await fake.close();
  }
  antqVerb(dll, directory, ["officers", "add", "--telegram-id", String(officerChat), "--name", "Trung úy Hà", "--role", "officer", "--ward", "Chi Lăng"]);
  return directory;
}
