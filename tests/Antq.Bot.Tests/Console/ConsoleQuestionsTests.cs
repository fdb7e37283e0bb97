using System.Net;
using Antq.Bot.Tests.Conversations;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>/console/questions: residents' "ask an officer" questions, answered from the console as in the chat.</summary>
public sealed class ConsoleQuestionsTests
{
    [Fact]
    public async Task An_answer_from_the_console_reaches_the_resident_through_the_bot_and_shows_as_answered_in_the_console_and_the_chat()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var (resident, code) = await AsksAsync(bot, 701_601, "Nhà tôi muốn nuôi chó thì có phải đăng ký ở phường không ạ?", officer);
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());

        var before = await client.GetStringAsync("/console/questions");
        Assert.Contains($"data-question=\"{code}\" data-state=\"waiting\"", before, StringComparison.Ordinal);
        Assert.Contains("nuôi chó thì có phải đăng ký", before, StringComparison.Ordinal);
        Assert.Contains("1 câu hỏi đang chờ trả lời", before, StringComparison.Ordinal);

        var answered = await client.PostFormAsync("/console/questions", "/console/questions?handler=Answer", ("code", code), ("text", "Chào chị, hiện chưa phải đăng ký; chị nhớ tiêm phòng dại cho chó nhé."));

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var reply = await resident.Sees($"Cán bộ trả lời câu hỏi {TrackingCode.Display(code)} của bạn");
        Assert.Contains("tiêm phòng dại", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Buttons, b => b.Text.Contains("Trả lời", StringComparison.Ordinal));
        var after = await client.GetStringAsync("/console/questions");
        Assert.Contains("Đã gửi trả lời", after, StringComparison.Ordinal);
        Assert.Contains($"data-question=\"{code}\" data-state=\"answered\"", after, StringComparison.Ordinal);
        Assert.Contains("0 câu hỏi đang chờ trả lời", after, StringComparison.Ordinal);
        Assert.Contains("tiêm phòng dại", after, StringComparison.Ordinal);

        // The chat's own view of the question has the console's answer in its thread, as the officer's reply.
        officer.Says("/tips");
        await officer.Sees("đang mở");
        officer.Taps(TrackingCode.Display(code));
        await officer.Sees("Câu hỏi " + TrackingCode.Display(code));
        await officer.Sees("tiêm phòng dại");
        var reply0 = await bot.QueryAsync(db => db.TipEvents.SingleAsync(e => e.Kind == TipEventKind.OfficerReply));
        Assert.Equal(await bot.QueryAsync(db => db.Officers.Where(o => o.ExternalUserId == "881501").Select(o => o.Id).SingleAsync()), reply0.OfficerId);
    }

    [Fact]
    public async Task Questions_waiting_come_first_and_only_the_wards_officers_see_or_answer_them()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var (_, older) = await AsksAsync(bot, 701_611, "Trụ sở công an phường làm việc vào những giờ nào trong tuần ạ?", officer);
        bot.Clock.Advance(TimeSpan.FromMinutes(30));
        var (asker, newer) = await AsksAsync(bot, 701_612, "Tôi cần xác nhận cư trú thì mang những giấy tờ gì ạ?", officer);
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());

        var page = await client.GetStringAsync("/console/questions");
        Assert.True(page.IndexOf(newer, StringComparison.Ordinal) < page.IndexOf(older, StringComparison.Ordinal), "newest first while both wait");
        Assert.Contains("Gửi cách đây 30 phút", page, StringComparison.Ordinal);
        await client.PostFormAsync("/console/questions", "/console/questions?handler=Answer", ("code", newer), ("text", "Anh chị mang căn cước và sổ hộ khẩu cũ nếu có."));
        await asker.Sees("Cán bộ trả lời câu hỏi");
        page = await client.GetStringAsync("/console/questions");
        Assert.True(page.IndexOf(older, StringComparison.Ordinal) < page.IndexOf(newer, StringComparison.Ordinal), "the waiting question comes before the answered one");

        // An empty answer is refused and sends nothing.
        var empty = await client.PostFormAsync("/console/questions", "/console/questions?handler=Answer", ("code", older), ("text", "  "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Hãy viết câu trả lời trước", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another ward's officer neither sees the questions nor can answer one by its code.
        var other = await bot.WardOfficerAsync(881_612, "dong-kinh");
        using var outsider = bot.Client();
        await outsider.SignInAsync(await other.AsksForLinkAsync());
        var theirs = await outsider.GetStringAsync("/console/questions");
        Assert.DoesNotContain(older, theirs, StringComparison.Ordinal);
        var refused = await outsider.PostFormAsync("/console/questions", "/console/questions?handler=Answer", ("code", older), ("text", "Trả lời từ phường khác."));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var closed = await outsider.PostFormAsync("/console/questions", "/console/questions?handler=Close", ("code", older));
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.Equal(1, await bot.QueryAsync(db => db.TipEvents.CountAsync(e => e.Kind == TipEventKind.OfficerReply)));
        Assert.Equal(TipStatus.New, await bot.QueryAsync(db => db.Tips.Where(t => t.Code == older).Select(t => t.Status).SingleAsync()));
    }

    /// <summary>A signed-up resident of Phường Chi Lăng asks the ward's officers, anonymously; the officer's card is read.</summary>
    internal static async Task<(ChatScript Resident, string Code)> AsksAsync(TestBot bot, long residentId, string question, ChatScript officer)
    {
        var resident = await bot.SignedUpAsync(residentId);
        resident.Says("/ask");
        await resident.Sees("Bạn gõ câu hỏi");
        resident.Says(question);
        await resident.Sees("gửi kèm tên bạn");
        resident.Taps("Gửi ẩn danh");
        var sent = await resident.Sees("Đã gửi câu hỏi");
        var display = sent.Text.Substring(sent.Text.IndexOf("Mã theo dõi: ", StringComparison.Ordinal) + "Mã theo dõi: ".Length, 9);
        await officer.Sees("Câu hỏi mới " + display);
        return (resident, display.Replace("-", "", StringComparison.Ordinal));
    }
}
