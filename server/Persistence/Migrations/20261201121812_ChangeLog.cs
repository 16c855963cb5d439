using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OffenderMgmt.Server.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AlertEvents_AreaCode_Id",
                table: "AlertEvents");

            migrationBuilder.DropIndex(
                name: "IX_AlertEvents_OfficerId_Id",
                table: "AlertEvents");

            migrationBuilder.AddColumn<long>(
                name: "ChangePosition",
                table: "AlertEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ChangeLog",
                columns: table => new
                {
                    Position = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeLog", x => x.Position);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlertEvents_AreaCode_ChangePosition_Id",
                table: "AlertEvents",
                columns: new[] { "AreaCode", "ChangePosition", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertEvents_OfficerId_ChangePosition_Id",
                table: "AlertEvents",
                columns: new[] { "OfficerId", "ChangePosition", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeLog_CommittedAt",
                table: "ChangeLog",
                column: "CommittedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeLog");

            migrationBuilder.DropIndex(
                name: "IX_AlertEvents_AreaCode_ChangePosition_Id",
                table: "AlertEvents");

            migrationBuilder.DropIndex(
                name: "IX_AlertEvents_OfficerId_ChangePosition_Id",
                table: "AlertEvents");

            migrationBuilder.DropColumn(
                name: "ChangePosition",
                table: "AlertEvents");

            migrationBuilder.CreateIndex(
                name: "IX_AlertEvents_AreaCode_Id",
                table: "AlertEvents",
                columns: new[] { "AreaCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertEvents_OfficerId_Id",
                table: "AlertEvents",
                columns: new[] { "OfficerId", "Id" });
        }
    }
}
