using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Tips;

public sealed class TipInputTests
{
    private static string Document(long updateId, long chatId, long size) => $$"""
        {"update_id": {{updateId}}, "message": {"message_id": {{updateId % 100000}}, "date": {{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},
          "from": {"id": {{chatId}}, "is_bot": false, "first_name": "Lan", "language_code": "vi"},
          "chat": {"id": {{chatId}}, "type": "private", "first_name": "Lan"},
          "document": {"file_id": "BQACAgUAAxkBAAIB{{updateId}}", "file_unique_id": "AgADB{{updateId}}", "file_name": "video-dai.mp4", "mime_type": "video/mp4", "file_size": {{size}} } } }
        """;

    [Fact]
    public async Task Bad_input_at_each_step_is_explained_and_nothing_written_so_far_is_lost()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.AtTipCategoryAsync(702_001);

        chat.Says("ma tuý");
        await chat.Sees("Bạn vui lòng bấm một trong các nút bên dưới.");
        await chat.Sees("Tin của bạn về việc gì?");
        chat.Taps("Gây rối, đánh nhau");
        await chat.Sees("Nếu việc này đang xảy ra và có người gặp nguy hiểm, hãy gọi ngay 113");
        await chat.Sees("Việc này xảy ra ở đâu?");
        chat.Taps("Ma tuý");
        await chat.Sees("Nút này thuộc một bước trước");
        await chat.Sees("Việc này xảy ra ở đâu?");
        chat.Says("ngõ");
        await chat.Sees("Địa chỉ ngắn quá.");
        await chat.Sees("ở đâu?");
        chat.Says("Ngõ 5 đường Lê Lợi, gần chợ Giếng Vuông");
        await chat.Sees("khi nào?");
        chat.Taps("Đang xảy ra");
        await chat.Sees("Bạn mô tả sự việc");
        chat.SendsSticker();
        await chat.Sees("Ở bước này bạn vui lòng gõ chữ để mô tả sự việc.");
        await chat.Sees("Bạn mô tả sự việc");
        chat.Says("đánh nhau");
        await chat.Sees("Mô tả ngắn quá (ít nhất 10 ký tự).");
        await chat.Sees("Bạn mô tả sự việc");
        chat.Says(new string('x', 2001));
        await chat.Sees("tối đa 2000 ký tự");
        await chat.Sees("Bạn mô tả sự việc");
        chat.Says("Hai nhóm thanh niên đang đánh nhau, có người cầm dao trước quán nước.");
        await chat.Sees("Việc bạn mô tả có thể đang nguy hiểm: hãy gọi ngay 113");
        await chat.Sees("Bạn có ảnh, video");
        chat.Send(Document(bot.NextUpdateId(), chat.Id, 25L * 1024 * 1024));
        await chat.Sees("Tệp này lớn quá (tối đa 20 MB mỗi tệp).");
        await chat.Sees("Bạn có ảnh, video");
        for (var i = 1; i <= 5; i++)
        {
            chat.Send(UpdateFactory.Photo(bot.NextUpdateId(), chat.Id));
            await chat.Sees($"Đã nhận {i}/5 tệp");
        }

        chat.Send(UpdateFactory.Photo(bot.NextUpdateId(), chat.Id));
        await chat.Sees("Mỗi tin báo chỉ kèm tối đa 5 tệp. Các tệp đã nhận vẫn được giữ");
        await chat.Sees("Bạn có ảnh, video");
        chat.Taps("Xong");
        await chat.Sees("ẩn danh");
        chat.Taps("Gửi ẩn danh");
        var review = await chat.Sees("Bạn kiểm tra lại tin báo");
        Assert.Contains("Tệp đính kèm: 5", review.Text, StringComparison.Ordinal);
        Assert.Contains("Ngõ 5 đường Lê Lợi, gần chợ Giếng Vuông", review.Text, StringComparison.Ordinal);
        Assert.Contains("có người cầm dao", review.Text, StringComparison.Ordinal);

        chat.Taps("Sửa nội dung");
        await chat.Sees("Bạn mô tả sự việc");
        chat.Says("Hai nhóm thanh niên đánh nhau trước quán nước, đã giải tán.");
        var edited = await chat.Sees("Bạn kiểm tra lại tin báo");
        Assert.Contains("đã giải tán", edited.Text, StringComparison.Ordinal);
        Assert.Contains("Tệp đính kèm: 5", edited.Text, StringComparison.Ordinal);
        await chat.SendsTipAsync();

        var tip = await bot.QueryAsync(db => db.Tips.Include(t => t.Attachments).SingleAsync());
        Assert.Equal(("public-order", 5), (tip.CategoryId, tip.Attachments.Count));
    }

    [Fact]
    public async Task Sending_a_tip_needs_sign_up_first()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = bot.Chat(702_002);

        chat.Says("/tip");
        await chat.Sees("Bạn cần đăng ký trước khi dùng chức năng này");
        await chat.Sees("ngôn ngữ");
    }
}
