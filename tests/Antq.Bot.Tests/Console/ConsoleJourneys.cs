using System.Net;
using System.Text.RegularExpressions;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Testing;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>Officers signing in to the console, over HTTP (a client keeping cookies) or in the browser.</summary>
internal static partial class ConsoleJourneys
{
    /// <summary>An officer of Phường Chi Lăng on Telegram.</summary>
    public static Task<ChatScript> WardOfficerAsync(this TestBot bot, long id = 881_501, string ward = "chi-lang") =>
        bot.OfficerAsync(id, "Trung úy Hà", OfficerRole.Officer, ward);

    /// <summary>Sends /console and takes the link out of the bot's answer.</summary>
    public static async Task<string> AsksForLinkAsync(this ChatScript officer)
    {
        officer.Says("/console");
        var answer = await officer.Sees("/console/signin/");
        return LinkPattern().Match(answer.Text).Value;
    }

    /// <summary>A tip of Khối 2, Phường Chi Lăng, sent by a new resident; the officer's card for it is read.</summary>
    public static async Task<(ChatScript Resident, string Code)> TipAsync(this TestBot bot, long residentId, ChatScript? officer = null, string description = "Có người lạ tụ tập sử dụng ma tuý ở nhà hoang cuối ngõ 5.")
    {
        var resident = await bot.AtTipCategoryAsync(residentId);
        await resident.AtReviewAsync(description);
        var code = await resident.SendsTipAsync();
        if (officer is not null)
        {
            await officer.Sees("Tin báo mới " + code);
        }

        return (resident, code.Replace("-", "", StringComparison.Ordinal));
    }

    public static HttpClient Client(this TestBot bot) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = bot.BaseAddress };

    /// <summary>The form token of the page at <paramref name="path"/> (its cookie stays in the client).</summary>
    public static async Task<string> FormTokenAsync(this HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        return FormToken().Match(page).Groups[1].Value;
    }

    /// <summary>Posts a form as the page's own form would, with its token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pagePath, string action, params (string Name, string Value)[] fields)
    {
        var token = await client.FormTokenAsync(pagePath);
        return await client.PostAsync(action, new FormUrlEncodedContent([new("__form", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]));
    }

    /// <summary>Opens the link and presses "Đăng nhập", as an officer does.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string link)
    {
        var path = new Uri(link).PathAndQuery;
        return await client.PostFormAsync(path, path);
    }

    [GeneratedRegex(@"https?://\S+/console/signin/\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__form\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
