using Antq.Core.Pledges;
using Antq.Core.Residents;
using Antq.Core.Storage;

namespace Antq.Core.Reports;

/// <summary>A count kept per ward and unit, so a report filters each the same way.</summary>
public interface IAreaCount
{
    string WardId { get; }

    string UnitId { get; }
}

/// <summary>Pledges in force, per campaign year, unit, type and source.</summary>
public sealed class PledgeTally : IAreaCount
{
    public int CampaignYear { get; set; }

    public required string WardId { get; set; }

    public required string UnitId { get; set; }

    public required string TypeId { get; set; }

    public PledgeSource Source { get; set; }

    public int Pledges { get; set; }
}

/// <summary>Signers with at least one pledge in force, per campaign year, unit and kind (a signer counts once in their unit).</summary>
public sealed class SignerTally : IAreaCount
{
    public int CampaignYear { get; set; }

    public required string WardId { get; set; }

    public required string UnitId { get; set; }

    public SignerKind SignerKind { get; set; }

    public int Signers { get; set; }
}

/// <summary>Residents who gave consent, per ward and unit ("" when not chosen), local year of consent and status.</summary>
public sealed class ResidentTally : IAreaCount
{
    public required string WardId { get; set; }

    public required string UnitId { get; set; }

    public int ConsentYear { get; set; }

    public ResidentStatus Status { get; set; }

    public int Residents { get; set; }
}

/// <summary>A finished broadcast's messages actually delivered, per ward and unit of the recipients when it finished.</summary>
public sealed class BroadcastDelivered : IAreaCount
{
    public long BroadcastId { get; set; }

    public required string WardId { get; set; }

    public required string UnitId { get; set; }

    public int Sent { get; set; }
}

/// <summary>
/// The running counts the summary report reads for whole years instead of counting millions of facts each time.
/// Pledge and resident tallies are kept by triggers (SQLite's here, PostgreSQL's in <see cref="PostgresTallyTriggers"/>) in the same transaction as the change to the fact,
/// whichever code path makes it (chat, paper import, correction, withdrawal, erasure, a status change from the
/// channel); a broadcast's reach is written once, when it finishes (<see cref="Settle"/>). <see cref="Fill"/> counts
/// them all again from the facts: a bulk load (the report benchmark) runs it after loading with the triggers off, and the
/// tests compare it with the kept counts.
/// </summary>
/// <remarks>
/// The consent year is the local year in Vietnam, which has kept UTC+7 without daylight saving since 1975; SQLite has
/// no time zones, so the triggers add the fixed seven hours (a test checks that against Asia/Ho_Chi_Minh).
/// </remarks>
public static class ReportTallies
{
    private static readonly string NewConsentYear = SqlDialect.LocalYear(DatabaseProvider.Sqlite, "NEW.ConsentedAt");
    private static readonly string OldConsentYear = SqlDialect.LocalYear(DatabaseProvider.Sqlite, "OLD.ConsentedAt");

    /// <summary>The trigger names, to drop them (a bulk load drops them and fills the tallies after).</summary>
    public static readonly IReadOnlyList<string> TriggerNames =
        ["tally_pledge_insert", "tally_pledge_delete", "tally_pledge_update", "tally_resident_insert", "tally_resident_delete", "tally_resident_update"];

    /// <summary>A broadcast's sent rows counted by the recipients' ward and unit, and its total; run when it finishes.</summary>
    public const string Settle = """
        INSERT INTO "broadcast_delivered" ("BroadcastId", "WardId", "UnitId", "Sent")
        SELECT o."BroadcastId", COALESCE(r."WardId", ''), COALESCE(r."UnitId", ''), COUNT(*)
        FROM "outbox" AS o CROSS JOIN "residents" AS r
        WHERE o."BroadcastId" = @id AND o."Status" = 2 AND r."Channel" = o."Channel" AND r."ChatId" = o."ChatId"
        GROUP BY 1, 2, 3
        ON CONFLICT ("BroadcastId", "WardId", "UnitId") DO UPDATE SET "Sent" = excluded."Sent";
        UPDATE "broadcasts" SET "Delivered" = (SELECT COUNT(*) FROM "outbox" WHERE "BroadcastId" = @id AND "Status" = 2) WHERE "Id" = @id;
        """;

    /// <summary>
    /// The triggers as the code means them (a bulk load creates them again after loading). Migrations hold their own
    /// copy as text (the initial one: <c>Initial.TallyTriggers</c>), so a change here goes out in a new migration;
    /// a test checks the two agree. SQLite syntax (trigger bodies, <c>strftime</c>, <c>IS NOT</c>), with bare names as the
    /// initial migration wrote them: the one exception to the quoting rule of <see cref="Sql"/>.
    /// </summary>
    public static string Triggers => $"""
        CREATE TRIGGER tally_pledge_insert AFTER INSERT ON pledges WHEN NEW.WithdrawnAt IS NULL
        BEGIN
            {AddPledge(Always)}
        END;
        CREATE TRIGGER tally_pledge_delete AFTER DELETE ON pledges WHEN OLD.WithdrawnAt IS NULL
        BEGIN
            {RemovePledge(Always)}
        END;
        CREATE TRIGGER tally_pledge_update AFTER UPDATE OF CampaignYear, WardId, UnitId, TypeId, Source, SignerKind, SignerKey, WithdrawnAt ON pledges
        BEGIN
            {RemovePledge("OLD.WithdrawnAt IS NULL")}
            {AddPledge("NEW.WithdrawnAt IS NULL")}
        END;
        CREATE TRIGGER tally_resident_insert AFTER INSERT ON residents WHEN NEW.ConsentedAt IS NOT NULL
        BEGIN
            {AddResident(Always)}
        END;
        CREATE TRIGGER tally_resident_delete AFTER DELETE ON residents WHEN OLD.ConsentedAt IS NOT NULL
        BEGIN
            {RemoveResident(Always)}
        END;
        CREATE TRIGGER tally_resident_update AFTER UPDATE OF WardId, UnitId, ConsentedAt, Status ON residents
            WHEN OLD.WardId IS NOT NEW.WardId OR OLD.UnitId IS NOT NEW.UnitId OR OLD.ConsentedAt IS NOT NEW.ConsentedAt OR OLD.Status IS NOT NEW.Status
        BEGIN
            {RemoveResident("OLD.ConsentedAt IS NOT NULL")}
            {AddResident("NEW.ConsentedAt IS NOT NULL")}
        END;
        """;

    /// <summary>Every tally counted again from the facts, on SQLite (see <see cref="FillOn"/>).</summary>
    public static string Fill => FillOn(DatabaseProvider.Sqlite);

    /// <summary>
    /// Every tally counted again from the facts (broadcasts: those finished; their total too). The one place the two
    /// providers differ is the local year of a time: SQLite has no time zones (Vietnam's fixed seven hours are added),
    /// PostgreSQL reads Asia/Ho_Chi_Minh.
    /// </summary>
    public static string FillOn(DatabaseProvider provider) => FillKeptByTriggers(provider) + """
        UPDATE "broadcasts" SET "Delivered" = (SELECT COUNT(*) FROM "outbox" AS o WHERE o."BroadcastId" = "broadcasts"."Id" AND o."Status" = 2)
        WHERE "StartedAt" IS NOT NULL AND "Status" IN (2, 3)
          AND NOT EXISTS (SELECT 1 FROM "outbox" AS o WHERE o."BroadcastId" = "broadcasts"."Id" AND o."Status" IN (0, 1));
        DELETE FROM "broadcast_delivered";
        INSERT INTO "broadcast_delivered" ("BroadcastId", "WardId", "UnitId", "Sent")
        SELECT o."BroadcastId", COALESCE(r."WardId", ''), COALESCE(r."UnitId", ''), COUNT(*)
        FROM "broadcasts" AS b CROSS JOIN "outbox" AS o CROSS JOIN "residents" AS r
        WHERE b."Delivered" IS NOT NULL AND o."BroadcastId" = b."Id" AND o."Status" = 2 AND r."Channel" = o."Channel" AND r."ChatId" = o."ChatId"
        GROUP BY 1, 2, 3;
        """;

    /// <summary>
    /// The tallies the triggers keep (pledges, signers, residents) counted again from the facts. A broadcast's reach is
    /// not here: it is written once, when the broadcast finishes, from the recipients' areas of that day, and a copy of
    /// the database moves it as it is.
    /// </summary>
    public static string FillKeptByTriggers(DatabaseProvider provider) => $$"""
        DELETE FROM "pledge_tally";
        INSERT INTO "pledge_tally" ("CampaignYear", "WardId", "UnitId", "TypeId", "Source", "Pledges")
        SELECT "CampaignYear", "WardId", "UnitId", "TypeId", "Source", COUNT(*) FROM "pledges" WHERE "WithdrawnAt" IS NULL GROUP BY 1, 2, 3, 4, 5;
        DELETE FROM "signer_tally";
        INSERT INTO "signer_tally" ("CampaignYear", "WardId", "UnitId", "SignerKind", "Signers")
        SELECT "CampaignYear", "WardId", "UnitId", "SignerKind", COUNT(DISTINCT "SignerKey") FROM "pledges" WHERE "WithdrawnAt" IS NULL GROUP BY 1, 2, 3, 4;
        DELETE FROM "resident_tally";
        INSERT INTO "resident_tally" ("WardId", "UnitId", "ConsentYear", "Status", "Residents")
        SELECT COALESCE(r."WardId", ''), COALESCE(r."UnitId", ''), {{SqlDialect.LocalYear(provider, "r.\"ConsentedAt\"")}}, r."Status", COUNT(*)
        FROM "residents" AS r WHERE r."ConsentedAt" IS NOT NULL GROUP BY 1, 2, 3, 4;

        """;

    private const string Always = "true";

    // Each counts one pledge in (or out) when the guard holds; the signer only if no other pledge of theirs in the unit and year is in force.
    private static string AddPledge(string guard) => $"""
        INSERT INTO pledge_tally (CampaignYear, WardId, UnitId, TypeId, Source, Pledges)
            SELECT NEW.CampaignYear, NEW.WardId, NEW.UnitId, NEW.TypeId, NEW.Source, 1 WHERE {guard}
            ON CONFLICT DO UPDATE SET Pledges = Pledges + 1;
            INSERT INTO signer_tally (CampaignYear, WardId, UnitId, SignerKind, Signers)
            SELECT NEW.CampaignYear, NEW.WardId, NEW.UnitId, NEW.SignerKind, 1
            WHERE {guard} AND NOT EXISTS (SELECT 1 FROM pledges AS p WHERE p.CampaignYear = NEW.CampaignYear AND p.SignerKey = NEW.SignerKey AND p.UnitId = NEW.UnitId AND p.WithdrawnAt IS NULL AND p.Id <> NEW.Id)
            ON CONFLICT DO UPDATE SET Signers = Signers + 1;
        """;

    private static string RemovePledge(string guard) => $"""
        UPDATE pledge_tally SET Pledges = Pledges - 1
            WHERE {guard} AND CampaignYear = OLD.CampaignYear AND WardId = OLD.WardId AND UnitId = OLD.UnitId AND TypeId = OLD.TypeId AND Source = OLD.Source;
            UPDATE signer_tally SET Signers = Signers - 1
            WHERE {guard} AND CampaignYear = OLD.CampaignYear AND WardId = OLD.WardId AND UnitId = OLD.UnitId AND SignerKind = OLD.SignerKind
              AND NOT EXISTS (SELECT 1 FROM pledges AS p WHERE p.CampaignYear = OLD.CampaignYear AND p.SignerKey = OLD.SignerKey AND p.UnitId = OLD.UnitId AND p.WithdrawnAt IS NULL AND p.Id <> OLD.Id);
        """;

    private static string AddResident(string guard) => $"""
        INSERT INTO resident_tally (WardId, UnitId, ConsentYear, Status, Residents)
            SELECT IFNULL(NEW.WardId, ''), IFNULL(NEW.UnitId, ''), {NewConsentYear}, NEW.Status, 1 WHERE {guard}
            ON CONFLICT DO UPDATE SET Residents = Residents + 1;
        """;

    private static string RemoveResident(string guard) => $"""
        UPDATE resident_tally SET Residents = Residents - 1
            WHERE {guard} AND WardId = IFNULL(OLD.WardId, '') AND UnitId = IFNULL(OLD.UnitId, '') AND ConsentYear = {OldConsentYear} AND Status = OLD.Status;
        """;
}
