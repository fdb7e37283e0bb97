using Antq.Bot.Tests.Conversations;
using Antq.Testing;

namespace Antq.Bot.Tests.InfoDesk;

/// <summary>The information desk knows when it does not know (#19): it says so, offers the closest, and answers small talk in kind.</summary>
public sealed class InfoDeskConfidenceTests
{
    [Fact]
    public async Task A_question_the_desk_is_unsure_of_gets_the_closest_questions_and_an_officer_not_a_wrong_answer()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(990_101);

        chat.Says("tiem phong cho cho o dau");
        var unsure = await chat.Sees("Chúng tôi chưa chắc đã hiểu đúng câu hỏi của bạn");
        Assert.DoesNotContain("❓", unsure.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bình chữa cháy", unsure.Text, StringComparison.Ordinal);
        var closest = unsure.Buttons.Where(b => b.Text.StartsWith("↪ ", StringComparison.Ordinal)).ToList();
        Assert.InRange(closest.Count, 1, 3);
        Assert.Contains(unsure.Buttons, b => b.Text.Contains("Hỏi cán bộ", StringComparison.Ordinal));

        chat.Taps(closest[0].Text);
        await chat.Sees("❓ " + closest[0].Text[2..]);

        chat.Says("bi mat trom xe may");
        var stolen = await chat.Sees("❓ Bị mất trộm xe máy, ô tô thì phải làm gì, báo ở đâu?");
        Assert.Contains("gọi 113", stolen.Text, StringComparison.Ordinal);

        chat.Says("lam can cuoc cho con");
        await chat.Sees("❓ Trẻ em dưới 14 tuổi có làm thẻ căn cước không");
    }

    [Fact]
    public async Task Greetings_and_thanks_get_a_short_friendly_answer_not_a_procedure()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(990_102);

        chat.Says("xin chao");
        var hello = await chat.Sees("Xin chào bạn!");
        Assert.DoesNotContain("❓", hello.Text, StringComparison.Ordinal);

        chat.Says("hello");
        await chat.Sees("Xin chào bạn!");

        chat.Says("cam on");
        var thanks = await chat.Sees("Không có gì ạ!");
        Assert.DoesNotContain("cam kết", thanks.Text, StringComparison.OrdinalIgnoreCase);

        chat.Says("thank you");
        await chat.Sees("Không có gì ạ!");
    }

    [Fact]
    public async Task Any_wards_police_can_be_looked_up_by_its_name_with_or_without_diacritics()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(990_103, "Phường Chi Lăng", "Khối 2");

        chat.Says("so dien thoai cong an phuong Dong Kinh");
        var dongKinh = await chat.Sees("🏢 Công an phường Đông Kinh\n📞 0205 3870 101");
        Assert.DoesNotContain("Chi Lăng", dongKinh.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", dongKinh.Text, StringComparison.Ordinal);

        chat.Says("/info Đông Kinh");
        await chat.Sees("🏢 Công an phường Đông Kinh");

        chat.Says("/info hoang van thu");
        await chat.Sees("🏢 Công an phường Hoàng Văn Thụ");

        chat.Says("/info Hà Nội");
        var unknown = await chat.Sees("Chúng tôi không tìm thấy phường, xã này");
        Assert.Contains("Đông Kinh", unknown.Text, StringComparison.Ordinal);

        chat.Says("/info");
        await chat.Sees("Thượng uý Nguyễn Văn An");
    }
}
