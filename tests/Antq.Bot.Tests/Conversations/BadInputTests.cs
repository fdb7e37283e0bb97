using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Conversations;

public sealed class BadInputTests
{
    [Fact]
    public async Task A_sticker_where_text_is_wanted_is_explained_and_the_step_asked_again()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.AtWardStepAsync(6001);
        var before = await bot.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync());

        chat.SendsSticker();
        await chat.Sees("Ở bước này chúng tôi chưa nhận được loại tin đó (nhãn dán, ảnh, tệp…)");
        await chat.Sees("Bạn đang sống ở phường, xã nào");

        var after = await bot.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync());
        Assert.Equal((before.Flow, before.Step, before.Data), (after.Flow, after.Step, after.Data));
        Assert.Equal(0, await bot.QueryAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task An_over_long_text_is_refused_with_the_limit_and_nothing_changes()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.AtWardStepAsync(6002);

        chat.Says(new string('a', 150));
        await chat.Sees("Tin nhắn dài quá, tối đa 100 ký tự.");
        await chat.Sees("Bạn đang sống ở phường, xã nào");
        chat.Says(new string('b', 5000));
        await chat.Sees("Tin nhắn dài quá, tối đa 4000 ký tự.");
        await chat.Sees("Bạn đang sống ở phường, xã nào");

        var state = await bot.QueryAsync(db => db.Conversations.SingleAsync());
        Assert.Equal(("onboarding", "ward"), (state.Flow, state.Step));
    }

    [Fact]
    public async Task An_unknown_ward_name_and_an_unknown_command_are_answered_and_the_step_stays()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.AtWardStepAsync(6003);

        chat.Says("Ba Đình");
        await chat.Sees("Không tìm thấy phường, xã nào tên \"Ba Đình\".");
        await chat.Sees("phường, xã nào");
        chat.Says("/dance");
        await chat.Sees("Không có lệnh /dance.");
        await chat.Sees("phường, xã nào");
        chat.Says("vinh trai");
        await chat.Sees("Bạn ở khối, thôn nào của Phường Vĩnh Trại?");
    }

    [Fact]
    public async Task Cancel_mid_flow_stops_it_and_clears_the_step()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.AtWardStepAsync(6004);

        chat.Says("/cancel");
        await chat.Sees("Đã dừng. Bấm \"Bắt đầu\" khi bạn muốn đăng ký lại từ đầu.");

        var state = await bot.QueryAsync(db => db.Conversations.SingleAsync());
        Assert.Null(state.Flow);
        Assert.Null(state.Step);
        chat.Taps("Bắt đầu");
        await chat.Sees("ngôn ngữ");
    }

    [Fact]
    public async Task A_button_from_an_earlier_step_is_explained_instead_of_acted_on()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.AtWardStepAsync(6005);

        chat.Taps("Tiếng Việt");
        await chat.Sees("Nút này thuộc một bước trước");
        await chat.Sees("phường, xã nào");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_same_update_delivered_twice_is_handled_once(DatabaseProvider provider)
    {
        await using var bot = await TestBot.StartAsync(provider);
        var chat = bot.Chat(6006);
        var update = UpdateFactory.Text(77_001, chat.Id, "/start");

        chat.Send(update);
        await chat.Sees("ngôn ngữ");
        chat.Send(update);
        await chat.SeesNothingFor(TimeSpan.FromSeconds(1.5));

        Assert.Equal(1, await bot.QueryAsync(db => db.Inbox.CountAsync(i => i.ExternalId == "77001")));
        Assert.Equal(1, await bot.QueryAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task An_idle_conversation_is_closed_with_a_short_message_when_the_resident_writes_again()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.AtWardStepAsync(6007);

        bot.Clock.Advance(TimeSpan.FromMinutes(31));
        chat.Says("vinh trai");
        await chat.Sees("Cuộc trò chuyện trước đã lâu không có trả lời nên đã được đóng lại.");
        await chat.Sees("ngôn ngữ");
    }
}
