using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OffenderMgmt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexesAndErasedAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ErasedAt",
                table: "IdempotencyRecords",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Managements_OwningTeamId_StartedOn_EndedOn",
                table: "Managements",
                columns: new[] { "OwningTeamId", "StartedOn", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Managements_Scheme_StartedOn_EndedOn_PersonId",
                table: "Managements",
                columns: new[] { "Scheme", "StartedOn", "EndedOn", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Managements_OwningTeamId_StartedOn_EndedOn",
                table: "Managements");

            migrationBuilder.DropIndex(
                name: "IX_Managements_Scheme_StartedOn_EndedOn_PersonId",
                table: "Managements");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "IdempotencyRecords");
        }
    }
}
