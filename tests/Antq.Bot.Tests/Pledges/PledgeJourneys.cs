using System.Globalization;
using System.Text.Json.Nodes;
using Antq.Bot.Cli;
using Antq.Bot.Hosting;
using Antq.Core.Pledges;
using Antq.Core.Residents;
using Antq.Core.Locale;
using Antq.Testing;

namespace Antq.Bot.Tests.Pledges;

internal static class PledgeJourneys
{
    /// <summary>
    /// A consenting resident of Chi Lăng who signed the traffic pledge in chat in each of <paramref name="pledges"/>'s
    /// years (withdrawn when a time is given), stored straight into the database; returns the resident's id.
    /// </summary>
    public static Task<long> SignerAsync(this TestBot bot, string id, params (int Year, DateTime? Withdrawn)[] pledges) => bot.QueryAsync(async db =>
    {
        var resident = new Resident
        {
            Channel = "telegram", ExternalUserId = id, ChatId = id, Language = "vi", WardId = "chi-lang", UnitId = "chi-lang-k1",
            Topics = Topics.Events, ConsentedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
        db.Pledges.AddRange(pledges.Select(p => new Pledge
        {
            Number = $"CK{p.Year}-{resident.Id:000000}", TypeId = "traffic", TextVersion = "2025.1", SignerKind = SignerKind.Household,
            SignerName = "Hộ ông Hoàng Văn " + resident.Id, Address = "Số " + resident.Id + " đường Bà Triệu", SignerKey = "key-" + resident.Id,
            WardId = "chi-lang", UnitId = "chi-lang-k1", CampaignYear = p.Year, Source = PledgeSource.Chat, ResidentId = resident.Id,
            SignedAt = new DateTime(p.Year, 3, 1, 0, 0, 0, DateTimeKind.Utc), WithdrawnAt = p.Withdrawn,
        }));
        await db.SaveChangesAsync();
        return resident.Id;
    });

    public static DateOnly Today => DateOnly.FromDateTime(LocalTime.ToLocal(DateTime.UtcNow));

    /// <summary>The service with the shipped pledges, its campaign moved to run from <paramref name="opensInDays"/> to <paramref name="closesInDays"/> from today.</summary>
    public static Task<TestBot> StartAsync(int opensInDays = -30, int closesInDays = 30, int? correctionDays = null) =>
        TestBot.StartAsync(settings =>
        {
            settings["Content:PledgesFile"] = CampaignFile(opensInDays, closesInDays);
            if (correctionDays is { } days)
            {
                settings["Pledges:CorrectionDays"] = days.ToString(CultureInfo.InvariantCulture);
            }
        });

    public static string CampaignFile(int opensInDays, int closesInDays)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(ContentRoot.Find(), "config", "pledges.json")))!;
        json["campaign"] = new JsonObject
        {
            ["year"] = Today.Year,
            ["opens"] = Today.AddDays(opensInDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["closes"] = Today.AddDays(closesInDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var file = Path.Combine(Directory.CreateTempSubdirectory("antq-pledges-").FullName, "pledges.json");
        File.WriteAllText(file, json.ToJsonString());
        return file;
    }

    /// <summary>From the main menu to the choice of pledges, as a household of the resident's own unit.</summary>
    public static async Task AtTypesAsHouseholdAsync(this ChatScript chat, string name, string address)
    {
        chat.Taps("Ký cam kết");
        await chat.Sees("Bạn ký cam kết với tư cách nào?");
        chat.Taps("Hộ gia đình");
        await chat.Sees("Họ và tên chủ hộ là gì?");
        chat.Says(name);
        await chat.Sees("Địa chỉ của hộ gia đình");
        chat.Says(address);
        await chat.Sees("Cam kết được tính cho khối, thôn nào?");
        chat.Taps("Khối 2");
        await chat.Sees("Bạn muốn ký những cam kết nào của năm");
    }

    /// <summary>Presses "I commit" after the texts and returns the receipt (the main menu comes on it).</summary>
    public static async Task<SentMessage> CommitsAsync(this ChatScript chat)
    {
        chat.Taps("Tôi cam kết");
        return await chat.NextAsync();
    }

    /// <summary>Runs a command-line verb against the given database file.</summary>
    /// <summary>A command-line verb on <paramref name="bot"/>'s database, whichever provider it runs on.</summary>
    public static async Task<(int Code, string Out, string Err)> RunVerbAsync(TestBot bot, params string[] args)
    {
        if (!bot.OnPostgres)
        {
            return await RunVerbAsync(bot.DatabaseFile, args);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliVerbs.RunAsync([.. args, "--Database:Provider=Postgres", $"--ConnectionStrings:Antq={bot.ConnectionString}"], output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static async Task<(int Code, string Out, string Err)> RunVerbAsync(string databaseFile, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliVerbs.RunAsync([.. args, $"--ConnectionStrings:Antq=Data Source={databaseFile}"], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
