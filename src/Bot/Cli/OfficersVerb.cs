using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Officers;
using Antq.Core.Storage;

namespace Antq.Bot.Cli;

/// <summary><c>officers add|invite|list|remove</c>: who may use the officer commands, on which channel, for which ward.</summary>
public static class OfficersVerb
{
    public const string Usage = """
        officers add --channel telegram|zalo|webchat --id ID --name NAME --role admin|officer [--ward WARD]
        officers add --telegram-id ID --name NAME --role admin|officer [--ward WARD]
            Records an officer (or updates one already known). ID is the officer's user id on that channel, as
            `officers list` shows it (Telegram: the numeric user id; Zalo: the user id; web chat: the visitor's id).
            An officer needs a ward (its name as in config/areas.json, with or without diacritics, or its id);
            an admin covers the whole city.
        officers invite --role admin|officer [--ward WARD]
            Prints a one-time code, valid 72 hours: the invited person sends /join CODE Full Name to the bot on
            any channel (Telegram, Zalo or the web chat) and becomes an officer of that ward, or an admin.
        officers list [--channel telegram|zalo|webchat]
            Lists officers with their channel, id, role and ward; with --channel, only the officers on that channel.
        officers remove --channel telegram|zalo|webchat --id ID
        officers remove --telegram-id ID
            Removes an officer at once (the running service checks on every message); they become an ordinary
            resident again.
        """;

    /// <summary>The channels' names as the list's last line says them.</summary>
    private static readonly Dictionary<string, string> Channels = new(StringComparer.Ordinal) { ["telegram"] = "Telegram", ["zalo"] = "Zalo", ["webchat"] = "the web chat" };

    public static async Task<int> RunAsync(string[] args, AntqDb db, AreaTree areas, TextWriter output, CancellationToken cancellationToken)
    {
        var registry = new OfficerRegistry(db, TimeProvider.System);
        var sub = args.FirstOrDefault();
        var rest = args.Skip(1);
        switch (sub)
        {
            case "add":
                var add = CliArguments.Parse(rest, ["channel", "id", "telegram-id", "name", "role", "ward"]);
                var (channel, id) = Identity(add);
                var name = add.Required("name").Trim();
                var (role, ward) = RoleAndWard(add, areas);
                var added = await registry.AddAsync(channel, id, name, role, ward?.Id, cancellationToken);
                await output.WriteLineAsync($"{(added ? "Added" : "Updated")} {Describe(name, role, ward)} ({Who(channel, id)}).");
                return 0;

            case "invite":
                var invite = CliArguments.Parse(rest, ["role", "ward"]);
                var (invitedRole, invitedWard) = RoleAndWard(invite, areas);
                var (code, expires) = await registry.InviteAsync(invitedRole, invitedWard?.Id, cancellationToken);
                var until = Antq.Core.Locale.LocalTime.ToLocal(expires).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                var whom = invitedRole == OfficerRole.Admin ? "an admin (whole city)" : $"an officer of {invitedWard!.Name}";
                await output.WriteLineAsync($"Invitation code for {whom}: {code}");
                await output.WriteLineAsync($"It works once, until {until} (Vietnam time). The invited person sends to the bot, on Telegram, Zalo or the web chat:");
                await output.WriteLineAsync($"  /join {code} Full Name");
                return 0;

            case "list":
                var listed = CliArguments.Parse(rest, ["channel"]).Get("channel") is { } only ? Channel(only) : null;
                var officers = (await registry.ListAsync(cancellationToken)).Where(o => listed is null || o.Channel == listed).ToList();
                foreach (var officer in officers)
                {
                    await output.WriteLineAsync($"{officer.Channel,-8} {officer.ExternalUserId,-14} {Describe(officer.DisplayName, officer.Role, areas.FindWard(officer.WardId ?? ""))}");
                }

                await output.WriteLineAsync(listed is null ? $"{officers.Count} officer(s)." : $"{officers.Count} officer(s) on {Channels[listed]}.");
                return 0;

            case "remove":
                var remove = CliArguments.Parse(rest, ["channel", "id", "telegram-id"]);
                var (removeChannel, removeId) = Identity(remove);
                if (!await registry.RemoveAsync(removeChannel, removeId, cancellationToken))
                {
                    throw new CliException($"no officer with {Who(removeChannel, removeId)}; `officers list` shows who there is");
                }

                await output.WriteLineAsync($"Removed the officer with {Who(removeChannel, removeId)}; their officer commands stop working now.");
                return 0;

            case null or "--help" or "-h":
                await output.WriteLineAsync(Usage);
                return sub is null ? 2 : 0;

            default:
                throw new CliException($"unknown command 'officers {sub}'");
        }
    }

    /// <summary>--telegram-id ID, or --channel C --id ID; the id checked against what the channel's ids look like.</summary>
    private static (string Channel, string Id) Identity(CliArguments options)
    {
        if (options.Get("telegram-id") is { } telegram)
        {
            if (options.Get("channel") is not null || options.Get("id") is not null)
            {
                throw new CliException("give either --telegram-id, or --channel and --id, not both");
            }

            return ("telegram", Checked("telegram", telegram));
        }

        if (options.Get("channel") is null && options.Get("id") is null)
        {
            throw new CliException("--channel and --id are required (or --telegram-id)");
        }

        var channel = Channel(options.Required("channel"));
        return (channel, Checked(channel, options.Required("id")));
    }

    private static string Channel(string channel) =>
        OfficerAccount.Channels.Contains(channel) ? channel : throw new CliException($"--channel must be telegram, zalo or webchat (got '{channel}')");

    private static string Checked(string channel, string id) =>
        OfficerAccount.IsValid(channel, id) ? id : throw new CliException(channel switch
        {
            "telegram" => $"a Telegram id is the officer's numeric user id (got '{id}')",
            "zalo" => $"a Zalo id is the user's numeric id (got '{id}')",
            _ => $"a web chat id has 43 letters, digits, '-' or '_', as `officers list` shows it (got '{id}')",
        });

    private static (OfficerRole Role, Ward? Ward) RoleAndWard(CliArguments options, AreaTree areas)
    {
        var role = options.Required("role") switch
        {
            "admin" => OfficerRole.Admin,
            "officer" => OfficerRole.Officer,
            var other => throw new CliException($"--role must be admin or officer (got '{other}')"),
        };
        if (role == OfficerRole.Admin)
        {
            return (role, null);
        }

        var wardName = options.Get("ward") ?? throw new CliException("--ward is required for an officer");
        var ward = areas.FindWard(wardName) ?? throw new CliException($"no ward or commune '{wardName}' in the area file; known: {string.Join(", ", areas.Wards.Select(w => w.Name))}");
        return (role, ward);
    }

    private static string Who(string channel, string id) => channel switch
    {
        "telegram" => $"Telegram id {id}",
        "zalo" => $"Zalo id {id}",
        _ => $"web chat id {id}",
    };

    private static string Describe(string name, OfficerRole role, Ward? ward) =>
        role == OfficerRole.Admin ? $"{name}, admin (whole city)" : $"{name}, officer of {ward?.Name ?? "?"}";
}
