using Antq.Bot.Tests.Conversations;
using Antq.Core.Officers;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Tips;

/// <summary>Officers' own home: their commands, their open tips, their cards kept up to date in place.</summary>
public sealed class OfficerHomeTests
{
    [Fact]
    public async Task An_officer_who_never_signed_up_gets_their_home_with_the_open_tips_not_the_language_picker()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(705_001, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var chat = await bot.AtTipCategoryAsync(705_002);
        await chat.AtReviewAsync();
        var code = await chat.SendsTipAsync();
        await officer.Sees("Tin báo mới " + code);

        officer.Says("/start");
        var home = await officer.Sees("Chào đồng chí Trung úy Hà.");
        Assert.Contains("Tin báo đang mở trong phạm vi của đồng chí: 1.", home.Text, StringComparison.Ordinal);
        Assert.Contains(home.Buttons, b => b.Text == "📋 Tin báo đang mở (1)");
        officer.Says("/menu");
        await officer.Sees("Chào đồng chí Trung úy Hà.");
        officer.Says("xin chào");
        await officer.Sees("Chào đồng chí Trung úy Hà.");
        officer.Taps("Tin báo đang mở (1)");
        await officer.Sees("Tin báo đang mở: 1 (trang 1/1)");
        Assert.DoesNotContain(bot.Api.ShownTo(officer.ChatId), m => m.Text.Contains("ngôn ngữ nào", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_officer_who_cancels_a_task_is_back_at_their_home_not_at_the_residents_sign_up()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(705_005, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        officer.Says("/broadcast");
        await officer.Sees("Soạn tin gửi người dân");

        officer.Says("/cancel");

        var home = await officer.Sees("Đã dừng việc đang làm.");
        Assert.Contains("Chào đồng chí Trung úy Hà.", home.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bắt đầu", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officers_help_lists_their_commands_with_the_open_tips_in_Vietnamese_even_in_an_English_chat()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.OfficerAsync(705_010, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var officer = bot.Chat(705_010, "en");
        var chat = await bot.AtTipCategoryAsync(705_011);
        await chat.AtReviewAsync();
        var code = await chat.SendsTipAsync();
        await officer.Sees("Tin báo mới " + code);

        officer.Says("/help");

        var help = await officer.Sees("Các lệnh của cán bộ:");
        Assert.Contains("/tips [MÃ] — xem các tin báo đang mở; kèm mã để tìm một tin báo, kể cả tin đã kết thúc (đang mở: 1)", help.Text, StringComparison.Ordinal);
        Assert.Contains("/broadcast — ", help.Text, StringComparison.Ordinal);
        Assert.Contains("/report [NĂM-NĂM] — ", help.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/tip —", help.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/invite", help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_tip_is_found_by_its_code_in_the_officers_scope_and_nowhere_else()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(705_020, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var elsewhere = await bot.OfficerAsync(705_021, "Trung úy Tâm", OfficerRole.Officer, "tam-thanh");
        var admin = await bot.OfficerAsync(705_022, "Đại úy Minh", OfficerRole.Admin, null);
        var chat = await bot.AtTipCategoryAsync(705_023);
        await chat.AtReviewAsync();
        var code = await chat.SendsTipAsync();
        await officer.Sees("Tin báo mới " + code);
        await admin.Sees("Tin báo mới " + code);
        officer.Taps("Kết thúc");
        await officer.Sees("ghi kết quả");
        officer.Says("Đã xác minh, không có vi phạm.");
        await officer.Sees($"Đã cập nhật tin báo {code}: Đã kết thúc.");

        officer.Says("/tips");
        await officer.Sees("Không có tin báo nào đang mở");
        officer.Says("/tips " + code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        var card = await officer.Sees("Tin báo " + code);
        Assert.Contains("Tình trạng: Đã kết thúc", card.Text, StringComparison.Ordinal);
        admin.Says("/tips " + code);
        await admin.Sees("Tin báo " + code);
        elsewhere.Says("/tips " + code);
        await elsewhere.Sees("Không tìm thấy tin báo này trong phạm vi của đồng chí.");
    }

    [Fact]
    public async Task A_status_change_updates_every_officers_card_in_place_and_shows_who_has_the_tip()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(705_030, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var colleague = await bot.OfficerAsync(705_032, "Thiếu úy Lan", OfficerRole.Officer, "chi-lang");
        var admin = await bot.OfficerAsync(705_033, "Đại úy Minh", OfficerRole.Admin, null);
        var elsewhere = await bot.OfficerAsync(705_034, "Trung úy Tâm", OfficerRole.Officer, "tam-thanh");
        var chat = await bot.AtTipCategoryAsync(705_031);
        await chat.AtReviewAsync();
        var code = await chat.SendsTipAsync();
        var card = await officer.Sees("Tin báo mới " + code);
        var colleaguesCard = await colleague.Sees("Tin báo mới " + code);
        var adminsCard = await admin.Sees("Tin báo mới " + code);
        Assert.Contains(colleaguesCard.Buttons, b => b.Text.Contains("Nhận xử lý", StringComparison.Ordinal));
        // The cards' ids are recorded once sent; an officer pressing a button in that instant is covered apart.
        await Delivery.DispatcherTests.WaitUntilAsync(bot, async db => await db.Outbox.CountAsync(o => o.ChannelMessageId != null) == 3);
        var sentBefore = bot.Api.SentMessagesTo(officer.ChatId).Count;

        officer.Taps("Nhận xử lý");
        var taken = await officer.Sees($"Đã cập nhật tin báo {code}: Đang xử lý.");
        Assert.Equal("editMessageText", taken.Call.Method);
        Assert.Equal(card.MessageId, taken.MessageId);
        Assert.Contains("Tình trạng: Đang xử lý — Trung úy Hà nhận xử lý", taken.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(taken.Buttons, b => b.Text.Contains("Nhận xử lý", StringComparison.Ordinal));
        foreach (var (other, before) in new[] { (colleague, colleaguesCard), (admin, adminsCard) })
        {
            var followed = await other.Sees($"Đã cập nhật tin báo {code}: Đang xử lý.");
            Assert.Equal("editMessageText", followed.Call.Method);
            Assert.Equal(before.MessageId, followed.MessageId);
            Assert.Contains("Tình trạng: Đang xử lý — Trung úy Hà nhận xử lý", followed.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(followed.Buttons, b => b.Text.Contains("Nhận xử lý", StringComparison.Ordinal));
            Assert.Contains(followed.Buttons, b => b.Text.Contains("Kết thúc", StringComparison.Ordinal));
        }

        officer.Taps("Kết thúc");
        await officer.Sees("ghi kết quả");
        officer.Says("Đã phối hợp xử lý.");
        var closed = await officer.Sees($"Đã cập nhật tin báo {code}: Đã kết thúc.");
        Assert.Equal(card.MessageId, closed.MessageId);
        Assert.Contains("Trung úy Hà nhận xử lý", closed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(closed.Buttons, b => b.Text.Contains("Nhận xử lý", StringComparison.Ordinal));
        var closedForAdmin = await admin.Sees($"Đã cập nhật tin báo {code}: Đã kết thúc.");
        Assert.Equal(adminsCard.MessageId, closedForAdmin.MessageId);
        Assert.Equal(["💬 Trả lời người báo"], closedForAdmin.Buttons.Select(b => b.Text));
        await colleague.Sees($"Đã cập nhật tin báo {code}: Đã kết thúc.");

        // Only the closing-note prompt was a new message; the status changes edited the cards.
        Assert.Equal(sentBefore + 1, bot.Api.SentMessagesTo(officer.ChatId).Count);
        Assert.Single(bot.Api.SentMessagesTo(colleague.ChatId));
        Assert.Single(bot.Api.SentMessagesTo(admin.ChatId));
        Assert.Empty(bot.Api.ShownTo(elsewhere.ChatId));
    }

    [Fact]
    public async Task An_officer_gets_their_own_Telegram_command_menu_when_they_join_and_at_every_start()
    {
        await using var bot = await TestBot.StartAsync();
        var admin = await bot.OfficerAsync(705_040, "Đại úy Minh", OfficerRole.Admin, null);
        admin.Says("/invite Chi Lăng");
        var invitation = await admin.Sees("Mã mời: ");
        var newcomer = bot.Chat(705_041);

        newcomer.Says($"/join {invitation.Text.Substring("Mã mời: ".Length, 8)} Thiếu úy Lê Văn Tâm");

        await newcomer.Sees("Chào đồng chí Thiếu úy Lê Văn Tâm!");
        var menu = await bot.Api.WaitForCallAsync(c => c.Method == "setMyCommands" && ScopeChat(c) == "705041", ChatScript.Patience);
        Assert.Contains("\"tips\"", menu.Field("commands"), StringComparison.Ordinal);
        Assert.DoesNotContain("\"invite\"", menu.Field("commands"), StringComparison.Ordinal);

        await bot.RestartAsync();
        var atStart = await bot.Api.WaitForCallAsync(c => c.Method == "setMyCommands" && ScopeChat(c) == "705040", ChatScript.Patience);
        Assert.Contains("\"invite\"", atStart.Field("commands"), StringComparison.Ordinal);
        var everyone = bot.Api.CallsTo("setMyCommands").First(c => ScopeChat(c) is null);
        Assert.DoesNotContain("\"tips\"", everyone.Field("commands"), StringComparison.Ordinal);
    }

    private static string? ScopeChat(RecordedCall call) =>
        call.JsonField("scope") is { } scope && scope["chat_id"] is { } id ? id.ToString() : null;
}
