using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Officers;
using Antq.Core.Storage;

namespace Antq.Bot.Cli;

/// <summary><c>officers add|list|remove</c>: who may use the officer commands, and for which ward.</summary>
public static class OfficersVerb
{
    public const string Usage = """
        officers add --telegram-id ID --name NAME --role admin|officer [--ward WARD]
            Records an officer (or updates one already known). An officer needs a ward (its name as in
            config/areas.json, with or without diacritics, or its id); an admin covers the whole city.
        officers list
            Lists officers with their role and ward.
        officers remove --telegram-id ID
            Removes an officer; they become an ordinary resident again.
        """;

    public static async Task<int> RunAsync(string[] args, AntqDb db, AreaTree areas, TextWriter output, CancellationToken cancellationToken)
    {
        var registry = new OfficerRegistry(db, TimeProvider.System);
        var sub = args.FirstOrDefault();
        var rest = args.Skip(1);
        switch (sub)
        {
            case "add":
                var add = CliArguments.Parse(rest, ["telegram-id", "name", "role", "ward"]);
                if (add.Help)
                {
                    await output.WriteLineAsync(Usage);
                    return 0;
                }

                var id = add.Required("telegram-id");
                if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    throw new CliException($"--telegram-id must be the officer's numeric Telegram user id (got '{id}')");
                }

                var name = add.Required("name").Trim();
                var role = add.Required("role") switch
                {
                    "admin" => OfficerRole.Admin,
                    "officer" => OfficerRole.Officer,
                    var other => throw new CliException($"--role must be admin or officer (got '{other}')"),
                };
                Ward? ward = null;
                if (role == OfficerRole.Officer)
                {
                    var wardName = add.Get("ward") ?? throw new CliException("--ward is required for an officer");
                    ward = areas.FindWard(wardName) ?? throw new CliException($"no ward or commune '{wardName}' in the area file; known: {string.Join(", ", areas.Wards.Select(w => w.Name))}");
                }

                var added = await registry.AddAsync("telegram", id, name, role, ward?.Id, cancellationToken);
                await output.WriteLineAsync($"{(added ? "Added" : "Updated")} {Describe(name, role, ward)} (Telegram id {id}).");
                return 0;

            case "list":
                if (CliArguments.Parse(rest, []).Help)
                {
                    await output.WriteLineAsync(Usage);
                    return 0;
                }

                var officers = await registry.ListAsync(cancellationToken);
                foreach (var officer in officers)
                {
                    await output.WriteLineAsync($"{officer.ExternalUserId,-14} {Describe(officer.DisplayName, officer.Role, areas.FindWard(officer.WardId ?? ""))}");
                }

                await output.WriteLineAsync($"{officers.Count} officer(s).");
                return 0;

            case "remove":
                var remove = CliArguments.Parse(rest, ["telegram-id"]);
                if (remove.Help)
                {
                    await output.WriteLineAsync(Usage);
                    return 0;
                }

                var removeId = remove.Required("telegram-id");
                if (!await registry.RemoveAsync("telegram", removeId, cancellationToken))
                {
                    throw new CliException($"no officer with Telegram id {removeId}");
                }

                await output.WriteLineAsync($"Removed the officer with Telegram id {removeId}.");
                return 0;

            case null or "--help" or "-h":
                await output.WriteLineAsync(Usage);
                return sub is null ? 2 : 0;

            default:
                throw new CliException($"unknown command 'officers {sub}'");
        }
    }

    private static string Describe(string name, OfficerRole role, Ward? ward) =>
        role == OfficerRole.Admin ? $"{name}, admin (whole city)" : $"{name}, officer of {ward?.Name ?? "?"}";
}
