using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OffenderMgmt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Identification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Registration",
                table: "Sightings",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PersonIdentifiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Platform = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Handle = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    DeviceType = table.Column<int>(type: "integer", nullable: true),
                    PhoneNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Imei = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    RegisteredConditionId = table.Column<Guid>(type: "uuid", nullable: true),
                    FoundAtCheckId = table.Column<Guid>(type: "uuid", nullable: true),
                    MarkType = table.Column<int>(type: "integer", nullable: true),
                    BodyLocation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SearchText = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: true),
                    Registration = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    Make = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Colour = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Link = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonIdentifiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonIdentifiers_ComplianceChecks_FoundAtCheckId",
                        column: x => x.FoundAtCheckId,
                        principalTable: "ComplianceChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonIdentifiers_Conditions_RegisteredConditionId",
                        column: x => x.RegisteredConditionId,
                        principalTable: "Conditions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonIdentifiers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonIdentifiers_FoundAtCheckId",
                table: "PersonIdentifiers",
                column: "FoundAtCheckId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonIdentifiers_Imei",
                table: "PersonIdentifiers",
                column: "Imei");

            migrationBuilder.CreateIndex(
                name: "IX_PersonIdentifiers_PersonId_Kind",
                table: "PersonIdentifiers",
                columns: new[] { "PersonId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonIdentifiers_PhoneNumber",
                table: "PersonIdentifiers",
                column: "PhoneNumber");

            migrationBuilder.CreateIndex(
                name: "IX_PersonIdentifiers_RegisteredConditionId",
                table: "PersonIdentifiers",
                column: "RegisteredConditionId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonIdentifiers_Registration",
                table: "PersonIdentifiers",
                column: "Registration");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonIdentifiers");

            migrationBuilder.DropColumn(
                name: "Registration",
                table: "Sightings");
        }
    }
}
