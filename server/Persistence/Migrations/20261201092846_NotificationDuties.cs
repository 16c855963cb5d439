using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OffenderMgmt.Server.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NotificationDuties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReactiveApprovedBy",
                table: "Managements",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReactiveReason",
                table: "Managements",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReactiveReviewOn",
                table: "Managements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReactiveSince",
                table: "Managements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CustodyReleases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReleasedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NoFixedAbode = table.Column<bool>(type: "INTEGER", nullable: false),
                    DepartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReturnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ShortNoticeReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    Judgement = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BreachId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
        }
    }
}
