// What a resident sends, as Telegram updates, and the onboarding script both bots are measured on:
// "/start" → language → consent → ward → unit → one topic toggled → done (7 inputs).
import { readFileSync } from "node:fs";

const nowSeconds = () => Math.floor(Date.now() / 1000);
const user = (chatId) => ({ id: chatId, is_bot: false, first_name: "Lan", last_name: "Nguyễn", language_code: "vi" });
const chat = (chatId) => ({ id: chatId, type: "private", first_name: "Lan", last_name: "Nguyễn" });

export const text = (updateId, chatId, body) => {
  const message = { message_id: updateId, from: user(chatId), chat: chat(chatId), date: nowSeconds(), text: body };
  if (body.startsWith("/")) {
    const end = body.search(/[ \n]/);
    message.entities = [{ offset: 0, length: end < 0 ? body.length : end, type: "bot_command" }];
  }
  return JSON.stringify({ update_id: updateId, message });
};

export const button = (updateId, chatId, data, messageId) =>
  JSON.stringify({
    update_id: updateId,
    callback_query: {
      id: String(4_000_000_000_000n + BigInt(updateId)),
      from: user(chatId),
      message: { message_id: Math.max(1, messageId), from: { id: 123456, is_bot: true, first_name: "Antq" }, chat: chat(chatId), date: nowSeconds() - 5, text: "…" },
      chat_instance: String(-3_000_000_000_000n - BigInt(chatId)),
      data,
    },
  });

/** The onboarding script over the wards and units of an area file. */
export class OnboardingScript {
  static steps = ["/start", "lang:vi", "consent:yes", "ward:<id>", "unit:<id>", "topic:security", "done"];

  /** `ward`: everyone in that ward (by id), instead of spread over all. */
  constructor(areasFile, ward) {
    const tree = JSON.parse(readFileSync(areasFile, "utf8"));
    this.wards = tree.wards.filter((w) => (w.units ?? []).length > 0 && (!ward || w.id === ward));
  }

  get length() {
    return OnboardingScript.steps.length;
  }

  input(step, updateId, chatId, resident, messageId) {
    const ward = this.wards[resident % this.wards.length];
    const unit = ward.units[Math.floor(resident / this.wards.length) % ward.units.length];
    switch (step) {
      case 0: return text(updateId, chatId, "/start");
      case 1: return button(updateId, chatId, "lang:vi", messageId);
      case 2: return button(updateId, chatId, "consent:yes", messageId);
      case 3: return button(updateId, chatId, "ward:" + ward.id, messageId);
      case 4: return button(updateId, chatId, "unit:" + unit.id, messageId);
      case 5: return button(updateId, chatId, "topic:security", messageId);
      case 6: return button(updateId, chatId, "done", messageId);
      default: throw new RangeError("step " + step);
    }
  }
}

/** A message the bot sent or edited in a chat: what a resident sees as a reply. */
export const isReply = (call) =>
  call.status === 200 && call.params.chat_id !== undefined && ((call.method.startsWith("send") && call.method !== "sendChatAction") || call.method.startsWith("editMessage"));
