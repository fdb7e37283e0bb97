#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <summary>The SQL this migration wrote by hand, kept as text beside the generated steps.</summary>
    public partial class Initial
    {
        /// <summary>
        /// The tally triggers as this migration creates them, as text: a later change to the live definition
        /// (<see cref="Antq.Core.Reports.ReportTallies.Triggers"/>) goes in a migration of its own, and a test checks that
        /// the two agree until then.
        /// </summary>
        internal const string TallyTriggers = """
            CREATE TRIGGER tally_pledge_insert AFTER INSERT ON pledges WHEN NEW.WithdrawnAt IS NULL
            BEGIN
                INSERT INTO pledge_tally (CampaignYear, WardId, UnitId, TypeId, Source, Pledges)
                SELECT NEW.CampaignYear, NEW.WardId, NEW.UnitId, NEW.TypeId, NEW.Source, 1 WHERE true
                ON CONFLICT DO UPDATE SET Pledges = Pledges + 1;
                INSERT INTO signer_tally (CampaignYear, WardId, UnitId, SignerKind, Signers)
                SELECT NEW.CampaignYear, NEW.WardId, NEW.UnitId, NEW.SignerKind, 1
                WHERE true AND NOT EXISTS (SELECT 1 FROM pledges AS p WHERE p.CampaignYear = NEW.CampaignYear AND p.SignerKey = NEW.SignerKey AND p.UnitId = NEW.UnitId AND p.WithdrawnAt IS NULL AND p.Id <> NEW.Id)
                ON CONFLICT DO UPDATE SET Signers = Signers + 1;
            END;
            CREATE TRIGGER tally_pledge_delete AFTER DELETE ON pledges WHEN OLD.WithdrawnAt IS NULL
            BEGIN
                UPDATE pledge_tally SET Pledges = Pledges - 1
                WHERE true AND CampaignYear = OLD.CampaignYear AND WardId = OLD.WardId AND UnitId = OLD.UnitId AND TypeId = OLD.TypeId AND Source = OLD.Source;
                UPDATE signer_tally SET Signers = Signers - 1
                WHERE true AND CampaignYear = OLD.CampaignYear AND WardId = OLD.WardId AND UnitId = OLD.UnitId AND SignerKind = OLD.SignerKind
                  AND NOT EXISTS (SELECT 1 FROM pledges AS p WHERE p.CampaignYear = OLD.CampaignYear AND p.SignerKey = OLD.SignerKey AND p.UnitId = OLD.UnitId AND p.WithdrawnAt IS NULL AND p.Id <> OLD.Id);
            END;
            CREATE TRIGGER tally_pledge_update AFTER UPDATE OF CampaignYear, WardId, UnitId, TypeId, Source, SignerKind, SignerKey, WithdrawnAt ON pledges
            BEGIN
                UPDATE pledge_tally SET Pledges = Pledges - 1
                WHERE OLD.WithdrawnAt IS NULL AND CampaignYear = OLD.CampaignYear AND WardId = OLD.WardId AND UnitId = OLD.UnitId AND TypeId = OLD.TypeId AND Source = OLD.Source;
                UPDATE signer_tally SET Signers = Signers - 1
                WHERE OLD.WithdrawnAt IS NULL AND CampaignYear = OLD.CampaignYear AND WardId = OLD.WardId AND UnitId = OLD.UnitId AND SignerKind = OLD.SignerKind
                  AND NOT EXISTS (SELECT 1 FROM pledges AS p WHERE p.CampaignYear = OLD.CampaignYear AND p.SignerKey = OLD.SignerKey AND p.UnitId = OLD.UnitId AND p.WithdrawnAt IS NULL AND p.Id <> OLD.Id);
                INSERT INTO pledge_tally (CampaignYear, WardId, UnitId, TypeId, Source, Pledges)
                SELECT NEW.CampaignYear, NEW.WardId, NEW.UnitId, NEW.TypeId, NEW.Source, 1 WHERE NEW.WithdrawnAt IS NULL
                ON CONFLICT DO UPDATE SET Pledges = Pledges + 1;
                INSERT INTO signer_tally (CampaignYear, WardId, UnitId, SignerKind, Signers)
                SELECT NEW.CampaignYear, NEW.WardId, NEW.UnitId, NEW.SignerKind, 1
                WHERE NEW.WithdrawnAt IS NULL AND NOT EXISTS (SELECT 1 FROM pledges AS p WHERE p.CampaignYear = NEW.CampaignYear AND p.SignerKey = NEW.SignerKey AND p.UnitId = NEW.UnitId AND p.WithdrawnAt IS NULL AND p.Id <> NEW.Id)
                ON CONFLICT DO UPDATE SET Signers = Signers + 1;
            END;
            CREATE TRIGGER tally_resident_insert AFTER INSERT ON residents WHEN NEW.ConsentedAt IS NOT NULL
            BEGIN
                INSERT INTO resident_tally (WardId, UnitId, ConsentYear, Status, Residents)
                SELECT IFNULL(NEW.WardId, ''), IFNULL(NEW.UnitId, ''), CAST(strftime('%Y', NEW.ConsentedAt, '+7 hours') AS INTEGER), NEW.Status, 1 WHERE true
                ON CONFLICT DO UPDATE SET Residents = Residents + 1;
            END;
            CREATE TRIGGER tally_resident_delete AFTER DELETE ON residents WHEN OLD.ConsentedAt IS NOT NULL
            BEGIN
                UPDATE resident_tally SET Residents = Residents - 1
                WHERE true AND WardId = IFNULL(OLD.WardId, '') AND UnitId = IFNULL(OLD.UnitId, '') AND ConsentYear = CAST(strftime('%Y', OLD.ConsentedAt, '+7 hours') AS INTEGER) AND Status = OLD.Status;
            END;
            CREATE TRIGGER tally_resident_update AFTER UPDATE OF WardId, UnitId, ConsentedAt, Status ON residents
                WHEN OLD.WardId IS NOT NEW.WardId OR OLD.UnitId IS NOT NEW.UnitId OR OLD.ConsentedAt IS NOT NEW.ConsentedAt OR OLD.Status IS NOT NEW.Status
            BEGIN
                UPDATE resident_tally SET Residents = Residents - 1
                WHERE OLD.ConsentedAt IS NOT NULL AND WardId = IFNULL(OLD.WardId, '') AND UnitId = IFNULL(OLD.UnitId, '') AND ConsentYear = CAST(strftime('%Y', OLD.ConsentedAt, '+7 hours') AS INTEGER) AND Status = OLD.Status;
                INSERT INTO resident_tally (WardId, UnitId, ConsentYear, Status, Residents)
                SELECT IFNULL(NEW.WardId, ''), IFNULL(NEW.UnitId, ''), CAST(strftime('%Y', NEW.ConsentedAt, '+7 hours') AS INTEGER), NEW.Status, 1 WHERE NEW.ConsentedAt IS NOT NULL
                ON CONFLICT DO UPDATE SET Residents = Residents + 1;
            END;
            """;
    }
}
