using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OffenderMgmt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditRecordDigestAndNotificationDuties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReactiveApprovedBy",
                table: "Managements",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReactiveReason",
                table: "Managements",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReactiveReviewOn",
                table: "Managements",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReactiveSince",
                table: "Managements",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Format",
                table: "AuditEntries",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "RecordCount",
                table: "AuditEntries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RecordsDigest",
                table: "AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "CustodyReleases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReleasedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustodyReleases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustodyReleases_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OffenderNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    NoFixedAbode = table.Column<bool>(type: "boolean", nullable: false),
                    DepartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Destination = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReturnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ShortNoticeReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    Judgement = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    BreachId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffenderNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffenderNotifications_Breaches_BreachId",
                        column: x => x.BreachId,
                        principalTable: "Breaches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffenderNotifications_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustodyReleases_PersonId_ReleasedOn",
                table: "CustodyReleases",
                columns: new[] { "PersonId", "ReleasedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OffenderNotifications_BreachId",
                table: "OffenderNotifications",
                column: "BreachId");

            migrationBuilder.CreateIndex(
                name: "IX_OffenderNotifications_PersonId_NotifiedAt",
                table: "OffenderNotifications",
                columns: new[] { "PersonId", "NotifiedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustodyReleases");

            migrationBuilder.DropTable(
                name: "OffenderNotifications");

            migrationBuilder.DropColumn(
                name: "ReactiveApprovedBy",
                table: "Managements");

            migrationBuilder.DropColumn(
                name: "ReactiveReason",
                table: "Managements");

            migrationBuilder.DropColumn(
                name: "ReactiveReviewOn",
                table: "Managements");

            migrationBuilder.DropColumn(
                name: "ReactiveSince",
                table: "Managements");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "RecordCount",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "RecordsDigest",
                table: "AuditEntries");
        }
    }
}
