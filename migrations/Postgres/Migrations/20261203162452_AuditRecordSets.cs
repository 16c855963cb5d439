using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OffenderMgmt.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Record sets (Audit/AuditRecordSet): an entry's records stored once under their digest, not
    /// a reference row per record for every call. Append-only like the other audit tables
    /// (migration AuditAppendOnly, whose trigger function this reuses). Reference rows already
    /// written stay as they are.
    /// </summary>
    public partial class AuditRecordSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditRecordSets",
                columns: table => new
                {
                    Digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecordSets", x => new { x.Digest, x.RecordId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RecordsDigest",
                table: "AuditEntries",
                column: "RecordsDigest",
                filter: "\"RecordCount\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecordSets_RecordId_Digest",
                table: "AuditRecordSets",
                columns: new[] { "RecordId", "Digest" });

            migrationBuilder.Sql("""CREATE TRIGGER "AuditRecordSets_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "AuditRecordSets" FOR EACH ROW EXECUTE FUNCTION audit_append_only();""");
            migrationBuilder.Sql("""CREATE TRIGGER "AuditRecordSets_NoTruncate" BEFORE TRUNCATE ON "AuditRecordSets" FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditRecordSets_NoUpdateOrDelete" ON "AuditRecordSets";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditRecordSets_NoTruncate" ON "AuditRecordSets";""");

            migrationBuilder.DropTable(
                name: "AuditRecordSets");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_RecordsDigest",
                table: "AuditEntries");
        }
    }
}
