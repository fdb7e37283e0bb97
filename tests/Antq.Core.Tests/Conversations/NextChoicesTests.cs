using Antq.Core.Conversations;

namespace Antq.Core.Tests.Conversations;

public sealed class NextChoicesTests
{
    private static readonly Button Tip = new("📝 Gửi tin báo", "menu:tip");
    private static readonly Button Home = new("« Danh mục chính", "menu:menu");
    private static readonly OutgoingMessage Menu = new() { Text = "Bạn cần gì?", Buttons = [[Tip]], AttachesAs = [Home] };

    [Fact]
    public void The_menu_after_an_answer_without_buttons_becomes_that_answers_buttons()
    {
        var joined = NextChoices.Attach([new OutgoingMessage { Text = "Mã theo dõi: K7QM-3XPA" }, Menu]);

        var one = Assert.Single(joined);
        Assert.Equal("Mã theo dõi: K7QM-3XPA", one.Text);
        Assert.Equal([Tip], one.Buttons.SelectMany(r => r));
    }

    [Fact]
    public void An_answer_with_buttons_of_its_own_gets_only_the_main_menu_button_under_them()
    {
        var rsvp = new Button("🙋 Tôi sẽ đến", "rsvp:1:y");
        var joined = NextChoices.Attach([new OutgoingMessage { Text = "📅 Ngày hội", Buttons = [[rsvp]] }, Menu]);

        Assert.Equal([rsvp, Home], Assert.Single(joined).Buttons.SelectMany(r => r));
    }

    [Fact]
    public void A_menu_with_nothing_before_it_or_after_an_edit_in_place_stays_a_message_of_its_own()
    {
        Assert.Equal("Bạn cần gì?", Assert.Single(NextChoices.Attach([Menu])).Text);

        var edited = new OutgoingMessage { Text = "✅ Đã chọn", ReplacesMessageId = "42" };
        Assert.Equal(2, NextChoices.Attach([edited, Menu]).Count);
    }

    [Fact]
    public void The_attachable_form_is_never_stored_with_a_queued_message()
    {
        Assert.DoesNotContain("AttachesAs", Antq.Core.Delivery.OutboxWriter.Payload(Menu), StringComparison.Ordinal);
    }
}
