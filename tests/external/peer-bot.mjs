// The bot a bot author would write instead, for the inbound comparison: grammY with @grammyjs/conversations
// (the onboarding as one conversation), file session storage (@grammyjs/storage-file, for the conversation and
// for the resident's profile) and @grammyjs/runner (updates handled concurrently, one chat in order).
// It sends what Antq.Bot sends at each step of the same script: 1, 1, 2, 1, 1, 1 (an edit), 2 messages.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Bot, InlineKeyboard, session } from "grammy";
import { conversations, createConversation } from "@grammyjs/conversations";
import { run, sequentialize } from "@grammyjs/runner";
import { FileAdapter } from "@grammyjs/storage-file";

const token = process.env.BOT_TOKEN;
const apiRoot = process.env.API_ROOT;
const dir = process.env.SESSIONS_DIR;
const tree = JSON.parse(readFileSync(process.env.AREAS_FILE, "utf8"));
const wards = new Map(tree.wards.map((w) => [w.id, w]));
const units = new Map(tree.wards.flatMap((w) => (w.units ?? []).map((u) => [u.id, { ...u, ward: w }])));
const topics = [
  ["security", "🛡️ Tin an ninh, trật tự"],
  ["traffic", "🚦 An toàn giao thông"],
  ["fire", "🔥 Phòng cháy, chữa cháy"],
  ["events", "🎉 Ngày hội, sự kiện"],
];

const bot = new Bot(token, { client: { apiRoot } });
const chatKey = (ctx) => ctx.chat?.id.toString();
bot.use(sequentialize(chatKey));
bot.use(session({ initial: () => ({}), getSessionKey: chatKey, storage: new FileAdapter({ dirName: path.join(dir, "sessions") }) }));
bot.use(conversations({ storage: { type: "key", version: 1, adapter: new FileAdapter({ dirName: path.join(dir, "conversations") }) } }));

const unitPage = (ward, page) => {
  const list = ward.units ?? [];
  const size = 45;
  const kb = new InlineKeyboard();
  list.slice(page * size, (page + 1) * size).forEach((u, i) => {
    kb.text(u.name, "unit:" + u.id);
    if (i % 3 === 2) kb.row();
  });
  return kb.row().text("« Quay lại", "back");
};

const topicKeyboard = (chosen) => {
  const kb = new InlineKeyboard();
  for (const [id, name] of topics) kb.text((chosen.includes(id) ? "✅ " : "⬜ ") + name, "topic:" + id).row();
  return kb.text("Chọn tất cả", "topic:all").text("Xong ✔️", "done");
};

async function onboarding(conversation, ctx) {
  await ctx.reply("Xin chào! Bạn muốn trò chuyện bằng ngôn ngữ nào? Hello! Which language would you like?", {
    reply_markup: new InlineKeyboard().text("🇻🇳 Tiếng Việt", "lang:vi").text("🇬🇧 English", "lang:en"),
  });
  const lang = await conversation.waitForCallbackQuery(/^lang:/, { otherwise: (c) => c.reply("Vui lòng chọn một ngôn ngữ bằng nút bên dưới.") });
  await lang.answerCallbackQuery();
  await lang.reply(
    "🔒 Thông báo về dữ liệu cá nhân\n\nĐể gửi tin tuyên truyền, thông báo và nhận tin báo của bạn, chúng tôi lưu: ngôn ngữ, khu vực, nội dung bạn quan tâm. Bạn có thể xem và xoá bất cứ lúc nào.",
    { reply_markup: new InlineKeyboard().text("✅ Tôi đồng ý", "consent:yes").text("Không đồng ý", "consent:no") },
  );
  const consent = await conversation.waitForCallbackQuery(/^consent:/);
  await consent.answerCallbackQuery();
  if (consent.callbackQuery.data !== "consent:yes") {
    await consent.reply("Chúng tôi chỉ lưu lựa chọn không đồng ý của bạn.");
    return;
  }
  await consent.reply("Cảm ơn bạn đã đồng ý.");
  const wardKb = new InlineKeyboard();
  [...wards.values()].forEach((w, i) => {
    wardKb.text(w.name, "ward:" + w.id);
    if (i % 2 === 1) wardKb.row();
  });
  await consent.reply(`Bạn đang sống ở phường, xã nào của ${tree.city}? Chọn bên dưới hoặc gõ tên.`, { reply_markup: wardKb });
  const wardPick = await conversation.waitForCallbackQuery(/^ward:/);
  await wardPick.answerCallbackQuery();
  const ward = wards.get(wardPick.callbackQuery.data.slice(5));
  await wardPick.reply(`Bạn ở khối, thôn nào của Phường ${ward.name}? (trang 1/2)`, { reply_markup: unitPage(ward, 0) });
  const unitPick = await conversation.waitForCallbackQuery(/^unit:/);
  await unitPick.answerCallbackQuery();
  const unit = units.get(unitPick.callbackQuery.data.slice(5));
  const chosen = [];
  const topicMessage = await unitPick.reply("Bạn muốn nhận tin về những nội dung nào? Bấm để chọn hoặc bỏ chọn, rồi bấm Xong.", { reply_markup: topicKeyboard(chosen) });
  for (;;) {
    const pick = await conversation.waitForCallbackQuery(/^(topic:|done$)/);
    await pick.answerCallbackQuery();
    const data = pick.callbackQuery.data;
    if (data === "done") {
      await conversation.external((outer) => {
        outer.session.profile = { language: "vi", consentAt: new Date().toISOString(), ward: ward.id, unit: unit.id, topics: chosen };
      });
      await pick.reply(`🎉 Đăng ký xong!\n\nKhu vực: ${unit.name}, Phường ${ward.name}\nNội dung: ${chosen.map((id) => topics.find((t) => t[0] === id)[1]).join(", ")}`);
      await pick.reply("Bạn muốn làm gì?", {
        reply_markup: new InlineKeyboard()
          .text("📝 Gửi tin báo", "menu:tip").row()
          .text("🔎 Tra cứu tin báo", "menu:status").row()
          .text("✍️ Ký cam kết", "menu:pledge").row()
          .text("📅 Sự kiện", "menu:events").row()
          .text("ℹ️ Thông tin, hỏi đáp", "menu:info").row()
          .text("⚙️ Cài đặt", "menu:settings").row()
          .text("🔒 Quyền riêng tư", "menu:privacy"),
      });
      return;
    }
    const id = data.slice(6);
    const at = chosen.indexOf(id);
    if (at >= 0) chosen.splice(at, 1);
    else chosen.push(id);
    await pick.api.editMessageText(pick.chat.id, topicMessage.message_id, "Bạn muốn nhận tin về những nội dung nào? Bấm để chọn hoặc bỏ chọn, rồi bấm Xong.", {
      reply_markup: topicKeyboard(chosen),
    });
  }
}

bot.use(createConversation(onboarding));
bot.command("start", (ctx) => ctx.conversation.enter("onboarding"));
bot.on("message", (ctx) => ctx.reply("Gõ /start để bắt đầu."));
bot.catch((err) => console.error("peer bot error:", err.error?.message ?? err));

const runner = run(bot, { runner: { fetch: { timeout: 1 } } });
const stop = () => runner.isRunning() && runner.stop().then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
