using Antq.Bot.Tests.Conversations;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Bot.Tests.Tips;

internal static class TipJourneys
{
    public static async Task<ChatScript> OfficerAsync(this TestBot bot, long telegramId, string name, OfficerRole role, string? wardId)
    {
        await bot.QueryAsync(db => new OfficerRegistry(db, TimeProvider.System).AddAsync("telegram", telegramId.ToString(System.Globalization.CultureInfo.InvariantCulture), name, role, wardId, CancellationToken.None));
        return bot.Chat(telegramId);
    }

    /// <summary>A signed-up resident of Khối 2, Phường Chi Lăng, at the first question of a new tip.</summary>
    public static async Task<ChatScript> AtTipCategoryAsync(this TestBot bot, long chatId)
    {
        var chat = await bot.SignedUpAsync(chatId);
        chat.Says("/tip");
        await chat.Sees("Tin của bạn về việc gì?");
        return chat;
    }

    /// <summary>Writes a tip about drugs in the resident's unit, anonymous, no files, up to the review.</summary>
    public static async Task AtReviewAsync(this ChatScript chat, string description = "Có người lạ tụ tập sử dụng ma tuý ở nhà hoang cuối ngõ 5.")
    {
        chat.Taps("Ma tuý");
        await chat.Sees("Việc này xảy ra ở đâu?");
        chat.Taps("nơi tôi ở");
        await chat.Sees("xảy ra khi nào?");
        chat.Taps("Đã xảy ra hôm nay");
        await chat.Sees("Bạn mô tả sự việc");
        chat.Says(description);
        await chat.Sees("Bạn có ảnh, video");
        chat.Taps("Không có tệp");
        await chat.Sees("Bạn muốn gửi tin báo ẩn danh không?");
        chat.Taps("Gửi ẩn danh");
        await chat.Sees("Bạn kiểm tra lại tin báo");
    }

    public static async Task<string> SendsTipAsync(this ChatScript chat)
    {
        chat.Taps("Gửi tin báo");
        var sent = await chat.Sees("Mã theo dõi: ");
        var at = sent.Text.IndexOf("Mã theo dõi: ", StringComparison.Ordinal) + "Mã theo dõi: ".Length;
        return sent.Text.Substring(at, 9);
    }

    public static Task<int> RunRetentionAsync(this TestBot bot) =>
        bot.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Antq.Core.Tips.TipRetention>().Single().RunOnceAsync(CancellationToken.None);

    public static Task<T> Db<T>(this TestBot bot, Func<AntqDb, Task<T>> query) => bot.QueryAsync(query);
}
