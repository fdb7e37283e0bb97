using Antq.Bot.Tests.Channels.Zalo;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Testing;

namespace Antq.Bot.Tests.Conversations;

/// <summary>Words as people say them (#19, point 7): channels by name, lists that read one way, places said once.</summary>
public sealed class WordingTests
{
    [Fact]
    public async Task Privacy_names_the_channel_as_people_say_it_and_lists_topics_that_have_commas_with_semicolons()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var chat = await bot.SignedUpAsync(9_190_001, "Phường Chi Lăng", "Khối 2", "Tin an ninh, trật tự", "Ngày hội, sự kiện");

        chat.Says("/privacy");
        var stored = await chat.Sees("Dữ liệu chúng tôi đang lưu về bạn");
        Assert.Contains("• Kênh: Telegram (", stored.Text, StringComparison.Ordinal);
        Assert.Contains("• Nội dung theo dõi: Tin an ninh, trật tự; Ngày hội, sự kiện\n", stored.Text, StringComparison.Ordinal);

        var zalo = await bot.ZaloSignedUpAsync("9190002");
        await zalo.Says("/privacy");
        var zaloStored = await zalo.Sees("Dữ liệu chúng tôi đang lưu về bạn");
        Assert.Contains("• Kênh: Zalo (", zaloStored.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_address_that_names_the_ward_is_not_followed_by_the_ward_again()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(9_190_010, "Thượng uý An", OfficerRole.Officer, "chi-lang");
        var chat = await bot.AtTipCategoryAsync(9_190_011);

        chat.Taps("Ma tuý");
        await chat.Sees("Việc này xảy ra ở đâu?");
        chat.Says("nhà hoang cuối ngõ 5, khối 13, phường Chi Lăng");
        await chat.Sees("xảy ra khi nào?");
        chat.Taps("Đã xảy ra hôm nay");
        await chat.Sees("Bạn mô tả sự việc");
        chat.Says("Có người lạ tụ tập sử dụng ma tuý ở nhà hoang cuối ngõ 5.");
        await chat.Sees("Bạn có ảnh, video");
        chat.Taps("Không có tệp");
        await chat.Sees("Bạn muốn gửi tin báo ẩn danh không?");
        chat.Taps("Gửi ẩn danh");
        var review = await chat.Sees("Bạn kiểm tra lại tin báo");
        Assert.Contains("nhà hoang cuối ngõ 5, khối 13, phường Chi Lăng", review.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Phường Chi Lăng", review.Text, StringComparison.Ordinal);
        await chat.SendsTipAsync();

        var card = await officer.Sees("Tin báo mới");
        Assert.Contains("Nơi: nhà hoang cuối ngõ 5, khối 13, phường Chi Lăng\n", card.Text, StringComparison.Ordinal);
        Assert.Contains("Thời gian xảy ra: Đã xảy ra hôm nay", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officers_are_addressed_as_dong_chi_even_when_told_their_text_is_too_long()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(9_190_020, "Thượng uý An", OfficerRole.Officer, "chi-lang");

        officer.Says("/contact");
        await officer.Sees("chọn mục danh bạ");
        officer.Taps("Nguyễn Văn An");
        await officer.Sees("Cập nhật thông tin nào của Nguyễn Văn An?");
        officer.Taps("Địa chỉ trụ sở");
        await officer.Sees("Đồng chí gõ Địa chỉ trụ sở mới");
        officer.Says(new string('x', 201));
        var tooLong = await officer.Sees("Tin nhắn dài quá, tối đa 200 ký tự. Đồng chí vui lòng viết ngắn lại.");
        Assert.DoesNotContain("Bạn", tooLong.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_who_types_where_a_button_is_wanted_is_asked_as_dong_chi()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(9_190_030, "Thượng uý An", OfficerRole.Officer, "chi-lang");

        officer.Says("/broadcast");
        await officer.Sees("Soạn tin gửi người dân");
        officer.Says("Mùa hanh khô: tắt bếp trước khi ra khỏi nhà.");
        await officer.Sees("Tin thuộc chủ đề nào?");
        officer.Says("phòng cháy");

        var asked = await officer.Sees("Đồng chí vui lòng bấm một trong các nút bên dưới.");
        Assert.DoesNotContain("Bạn", asked.Text, StringComparison.Ordinal);
    }
}
