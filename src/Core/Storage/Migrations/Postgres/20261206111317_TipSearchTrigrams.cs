using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations.Postgres
{
    /// <summary>
    /// A trigram index on the tips' folded text, so the console's word search finds its rows without reading every
    /// tip (pg_trgm, trusted since PostgreSQL 13: the database's owner may create it). Where the extension cannot be
    /// had the search still works, reading every tip; the start-up is not stopped for it.
    /// </summary>
    public partial class TipSearchTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    CREATE EXTENSION IF NOT EXISTS pg_trgm;
                    CREATE INDEX IF NOT EXISTS "IX_tips_SearchText_trgm" ON "tips" USING gin ("SearchText" gin_trgm_ops);
                EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
                    RAISE NOTICE 'pg_trgm is not available here: the word search reads every tip';
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_tips_SearchText_trgm";""");
        }
    }
}
