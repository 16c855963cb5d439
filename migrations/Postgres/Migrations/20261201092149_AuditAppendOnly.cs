using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OffenderMgmt.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The audit log is append-only in the database too, as on SQLite (migration
    /// SecurityAndAudit there): UPDATE, DELETE and TRUNCATE on the audit tables are refused by
    /// triggers, whoever asks. Tampering then needs the triggers dropped first, which the hash
    /// chain still exposes; a deployment also runs the server as a role without UPDATE, DELETE
    /// or TRUNCATE on these tables (docs/DESIGN.md, "PostgreSQL").
    /// </summary>
    public partial class AuditAppendOnly : Migration
    {
        private static readonly string[] Tables = ["AuditEntries", "AuditRecordRefs"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Names are quoted: PostgreSQL folds unquoted names to lower case.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit entries are append-only (% on %)', TG_OP, TG_TABLE_NAME
                        USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""CREATE TRIGGER "{table}_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION audit_append_only();""");
                migrationBuilder.Sql($"""CREATE TRIGGER "{table}_NoTruncate" BEFORE TRUNCATE ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoUpdateOrDelete" ON "{table}";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoTruncate" ON "{table}";""");
            }
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_append_only();");
        }
    }
}
