#nullable disable

namespace Antq.Core.Storage.Migrations.Postgres
{
    /// <summary>The SQL this migration wrote by hand, kept as text beside the generated steps.</summary>
    public partial class Initial
    {
        /// <summary>
        /// The tally triggers as this migration made them: text, so a later edit of the live definition
        /// (<see cref="Antq.Core.Reports.PostgresTallyTriggers.Create"/>) goes in a migration of its own; a test checks
        /// that the two agree until then.
        /// </summary>
        internal const string TallyTriggers = """
            CREATE FUNCTION "tally_pledge"() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
            BEGIN
                IF TG_OP <> 'INSERT' AND OLD."WithdrawnAt" IS NULL THEN
                    UPDATE "pledge_tally" SET "Pledges" = "Pledges" - 1
                    WHERE "CampaignYear" = OLD."CampaignYear" AND "WardId" = OLD."WardId" AND "UnitId" = OLD."UnitId"
                      AND "TypeId" = OLD."TypeId" AND "Source" = OLD."Source";
                    UPDATE "signer_tally" SET "Signers" = "Signers" - 1
                    WHERE "CampaignYear" = OLD."CampaignYear" AND "WardId" = OLD."WardId" AND "UnitId" = OLD."UnitId" AND "SignerKind" = OLD."SignerKind"
                      AND NOT EXISTS (SELECT 1 FROM "pledges" AS p WHERE p."CampaignYear" = OLD."CampaignYear" AND p."SignerKey" = OLD."SignerKey"
                                      AND p."UnitId" = OLD."UnitId" AND p."WithdrawnAt" IS NULL AND p."Id" <> OLD."Id");
                END IF;
                IF TG_OP <> 'DELETE' AND NEW."WithdrawnAt" IS NULL THEN
                    INSERT INTO "pledge_tally" ("CampaignYear", "WardId", "UnitId", "TypeId", "Source", "Pledges")
                    VALUES (NEW."CampaignYear", NEW."WardId", NEW."UnitId", NEW."TypeId", NEW."Source", 1)
                    ON CONFLICT ("CampaignYear", "WardId", "UnitId", "TypeId", "Source") DO UPDATE SET "Pledges" = "pledge_tally"."Pledges" + 1;
                    IF NOT EXISTS (SELECT 1 FROM "pledges" AS p WHERE p."CampaignYear" = NEW."CampaignYear" AND p."SignerKey" = NEW."SignerKey"
                                   AND p."UnitId" = NEW."UnitId" AND p."WithdrawnAt" IS NULL AND p."Id" <> NEW."Id") THEN
                        INSERT INTO "signer_tally" ("CampaignYear", "WardId", "UnitId", "SignerKind", "Signers")
                        VALUES (NEW."CampaignYear", NEW."WardId", NEW."UnitId", NEW."SignerKind", 1)
                        ON CONFLICT ("CampaignYear", "WardId", "UnitId", "SignerKind") DO UPDATE SET "Signers" = "signer_tally"."Signers" + 1;
                    END IF;
                END IF;
                RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
            END;
            $$;
            CREATE TRIGGER "tally_pledge_insert" BEFORE INSERT ON "pledges" FOR EACH ROW EXECUTE FUNCTION "tally_pledge"();
            CREATE TRIGGER "tally_pledge_delete" BEFORE DELETE ON "pledges" FOR EACH ROW EXECUTE FUNCTION "tally_pledge"();
            CREATE TRIGGER "tally_pledge_update" BEFORE UPDATE OF "CampaignYear", "WardId", "UnitId", "TypeId", "Source", "SignerKind", "SignerKey", "WithdrawnAt" ON "pledges"
                FOR EACH ROW EXECUTE FUNCTION "tally_pledge"();

            CREATE FUNCTION "tally_resident"() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
            BEGIN
                IF TG_OP <> 'INSERT' AND OLD."ConsentedAt" IS NOT NULL THEN
                    UPDATE "resident_tally" SET "Residents" = "Residents" - 1
                    WHERE "WardId" = COALESCE(OLD."WardId", '') AND "UnitId" = COALESCE(OLD."UnitId", '')
                      AND "ConsentYear" = EXTRACT(YEAR FROM OLD."ConsentedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::integer AND "Status" = OLD."Status";
                END IF;
                IF TG_OP <> 'DELETE' AND NEW."ConsentedAt" IS NOT NULL THEN
                    INSERT INTO "resident_tally" ("WardId", "UnitId", "ConsentYear", "Status", "Residents")
                    VALUES (COALESCE(NEW."WardId", ''), COALESCE(NEW."UnitId", ''), EXTRACT(YEAR FROM NEW."ConsentedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::integer, NEW."Status", 1)
                    ON CONFLICT ("WardId", "UnitId", "ConsentYear", "Status") DO UPDATE SET "Residents" = "resident_tally"."Residents" + 1;
                END IF;
                RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
            END;
            $$;
            CREATE TRIGGER "tally_resident_insert" BEFORE INSERT ON "residents" FOR EACH ROW EXECUTE FUNCTION "tally_resident"();
            CREATE TRIGGER "tally_resident_delete" BEFORE DELETE ON "residents" FOR EACH ROW EXECUTE FUNCTION "tally_resident"();
            CREATE TRIGGER "tally_resident_update" BEFORE UPDATE OF "WardId", "UnitId", "ConsentedAt", "Status" ON "residents"
                FOR EACH ROW WHEN (OLD."WardId" IS DISTINCT FROM NEW."WardId" OR OLD."UnitId" IS DISTINCT FROM NEW."UnitId"
                                   OR OLD."ConsentedAt" IS DISTINCT FROM NEW."ConsentedAt" OR OLD."Status" IS DISTINCT FROM NEW."Status")
                EXECUTE FUNCTION "tally_resident"();
            """;

        internal const string DropTallyTriggers = """
            DROP TRIGGER IF EXISTS "tally_pledge_insert" ON "pledges";
            DROP TRIGGER IF EXISTS "tally_pledge_delete" ON "pledges";
            DROP TRIGGER IF EXISTS "tally_pledge_update" ON "pledges";
            DROP FUNCTION IF EXISTS "tally_pledge"();
            DROP TRIGGER IF EXISTS "tally_resident_insert" ON "residents";
            DROP TRIGGER IF EXISTS "tally_resident_delete" ON "residents";
            DROP TRIGGER IF EXISTS "tally_resident_update" ON "residents";
            DROP FUNCTION IF EXISTS "tally_resident"();
            """;
    }
}
