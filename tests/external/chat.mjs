// One chat driven by hand through the fake: says text, taps buttons by their label, waits to see a reply.
import { button, text } from "./residents.mjs";
import { now, sleep } from "./scenarios/common.mjs";

export class ChatDriver {
  constructor(fake, chatId) {
    this.fake = fake;
    this.chatId = chatId;
    this.messages = []; // what the bot sent or edited here: { text, markup, messageId }
    this.read = 0;
    this.stop = fake.onCall((c) => {
      if (c.status !== 200 || String(c.params.chat_id) !== String(chatId)) return;
      if (!(c.method.startsWith("send") || c.method.startsWith("editMessage"))) return;
      const markup = typeof c.params.reply_markup === "string" ? JSON.parse(c.params.reply_markup) : c.params.reply_markup;
      this.messages.push({ text: String(c.params.text ?? c.params.caption ?? ""), markup, messageId: c.result?.message_id ?? Number(c.params.message_id) });
    });
  }

  says(body) {
    this.fake.enqueue((id) => text(id, this.chatId, body));
  }

  /** Taps the newest button whose label holds `label`. */
  taps(label) {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const m = this.messages[i];
      for (const row of m.markup?.inline_keyboard ?? []) {
        for (const b of row) {
          if (b.text.includes(label) && b.callback_data) {
            this.fake.enqueue((id) => button(id, this.chatId, b.callback_data, m.messageId));
            return;
          }
        }
      }
    }
    throw new Error(`no button "${label}" in chat ${this.chatId}; last: ${this.messages.at(-1)?.text}`);
  }

  /** Waits for a message (after those already seen) holding `fragment`. */
  async sees(fragment, timeoutMs = 20_000) {
    const deadline = now() + timeoutMs;
    for (;;) {
      for (; this.read < this.messages.length; this.read++) {
        if (this.messages[this.read].text.includes(fragment)) {
          this.read++;
          return this.messages[this.read - 1];
        }
      }
      if (now() > deadline) throw new Error(`chat ${this.chatId} did not see "${fragment}"; last: ${this.messages.at(-1)?.text}`);
      await sleep(10);
    }
  }
}
