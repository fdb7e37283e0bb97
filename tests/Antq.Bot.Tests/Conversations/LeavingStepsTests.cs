using Antq.Bot.Tests.Pledges;
using Antq.Bot.Tests.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Conversations;

/// <summary>Every step of a resident's flow can be left: "« Quay lại" to the step before, "Huỷ" out of the flow.</summary>
public sealed class LeavingStepsTests
{
    [Fact]
    public async Task A_tip_goes_back_step_by_step_keeping_the_choices_and_cancel_sends_nothing()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.AtTipCategoryAsync(811_001);
        Assert.Contains(chat.Seen[^1].Buttons, b => b.Text == "Huỷ");

        chat.Taps("Ma tuý");
        await chat.Sees("Việc này xảy ra ở đâu?");
        chat.Taps("Quay lại");
        await chat.Sees("Tin của bạn về việc gì?");
        chat.Taps("Ma tuý");
        await chat.Sees("Việc này xảy ra ở đâu?");
        chat.Taps("nơi tôi ở");
        await chat.Sees("xảy ra khi nào?");
        chat.Taps("Đã xảy ra hôm nay");
        var description = await chat.Sees("Bạn mô tả sự việc");
        Assert.Equal(["« Quay lại", "Huỷ"], description.Buttons.Select(b => b.Text));
        chat.Taps("Quay lại");
        await chat.Sees("xảy ra khi nào?");
        chat.Taps("Đã xảy ra hôm nay");
        await chat.Sees("Bạn mô tả sự việc");
        chat.Says("Có người lạ tụ tập sử dụng ma tuý ở nhà hoang cuối ngõ 5.");
        await chat.Sees("Bạn có ảnh, video");
        chat.Taps("Huỷ");
        await chat.Sees("Đã dừng việc đang làm.");

        Assert.Equal(0, await bot.QueryAsync(db => db.Tips.CountAsync()));
    }

    [Fact]
    public async Task The_first_tip_question_can_be_cancelled_with_a_button()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.AtTipCategoryAsync(811_002);

        chat.Taps("Huỷ");

        await chat.Sees("Đã dừng việc đang làm.");
    }

    [Fact]
    public async Task The_tracking_code_prompt_can_be_cancelled_with_a_button()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(811_003);

        chat.Says("/status");
        var prompt = await chat.Sees("Bạn gõ mã theo dõi của tin báo");
        Assert.Equal(["Huỷ"], prompt.Buttons.Select(b => b.Text));
        chat.Taps("Huỷ");

        await chat.Sees("Đã dừng việc đang làm.");
    }

    [Fact]
    public async Task A_pledge_goes_back_to_the_kind_and_cancel_signs_nothing()
    {
        await using var bot = await PledgeJourneys.StartAsync();
        var chat = await bot.SignedUpAsync(811_004);

        chat.Says("/pledge");
        var kind = await chat.Sees("Bạn ký cam kết với tư cách nào?");
        Assert.Contains(kind.Buttons, b => b.Text == "Huỷ");
        chat.Taps("Hộ gia đình");
        await chat.Sees("Họ và tên chủ hộ là gì?");
        chat.Taps("Quay lại");
        await chat.Sees("Bạn ký cam kết với tư cách nào?");
        chat.Taps("Hộ gia đình");
        await chat.Sees("Họ và tên chủ hộ là gì?");
        chat.Says("Đinh Văn Hải");
        await chat.Sees("Địa chỉ của hộ gia đình");
        chat.Taps("Huỷ");
        await chat.Sees("Đã dừng việc đang làm.");

        Assert.Equal(0, await bot.QueryAsync(db => db.Pledges.CountAsync()));
    }
}
