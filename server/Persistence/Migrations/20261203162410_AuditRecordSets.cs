using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OffenderMgmt.Server.Persistence.Migrations
{
    /// <summary>
    /// Record sets (Audit/AuditRecordSet): an entry's records stored once under their digest, not
    /// a reference row per record for every call. Append-only like the other audit tables
    /// (migration SecurityAndAudit). Reference rows already written stay as they are.
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
                    Digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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

            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("CREATE TRIGGER AuditRecordSets_NoUpdate BEFORE UPDATE ON AuditRecordSets BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
                migrationBuilder.Sql("CREATE TRIGGER AuditRecordSets_NoDelete BEFORE DELETE ON AuditRecordSets BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditRecordSets_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditRecordSets_NoDelete;");

            migrationBuilder.DropTable(
                name: "AuditRecordSets");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_RecordsDigest",
                table: "AuditEntries");
        }
    }
}
