using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OffenderMgmt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IdentificationAccessRetentionAndChangeLog : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "Scopes",
                table: "UserAccounts",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Registration",
                table: "Sightings",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "Orders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "ChangePosition",
                table: "AlertEvents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AnalystGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Analyst = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RevokedReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalystGrants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChangeLog",
                columns: table => new
                {
                    Position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeLog", x => x.Position);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpiresAtTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

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

            migrationBuilder.CreateTable(
                name: "PersonPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Format = table.Column<int>(type: "integer", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    ByteCount = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RetiredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonPhotos_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RateCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Window = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateCounters", x => x.Key);
                })
                .Annotation("Npgsql:UnloggedTable", true);

            migrationBuilder.CreateTable(
                name: "RetentionReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Group = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReviewerOfficerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AnalystGrantPeople",
                columns: table => new
                {
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalystGrantPeople", x => new { x.GrantId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_AnalystGrantPeople_AnalystGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "AnalystGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnalystGrantPeople_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhotoContents",
                columns: table => new
                {
                    PhotoId = table.Column<Guid>(type: "uuid", nullable: false),
                    Image = table.Column<byte[]>(type: "bytea", nullable: false),
                    Thumbnail = table.Column<byte[]>(type: "bytea", nullable: false),
                    ThumbnailWidth = table.Column<int>(type: "integer", nullable: false),
                    ThumbnailHeight = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhotoContents", x => x.PhotoId);
                    table.ForeignKey(
                        name: "FK_PhotoContents_PersonPhotos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "PersonPhotos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_AnalystGrantPeople_PersonId",
                table: "AnalystGrantPeople",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AnalystGrants_Analyst_ExpiresAt",
                table: "AnalystGrants",
                columns: new[] { "Analyst", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeLog_CommittedAt",
                table: "ChangeLog",
                column: "CommittedAt");

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

            migrationBuilder.CreateIndex(
                name: "IX_PersonPhotos_PersonId_AddedAt_Id",
                table: "PersonPhotos",
                columns: new[] { "PersonId", "AddedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonPhotos_PersonId_Kind_TakenOn",
                table: "PersonPhotos",
                columns: new[] { "PersonId", "Kind", "TakenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RetentionReviews_PersonId",
                table: "RetentionReviews",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionReviews_RecordId_NextReviewOn",
                table: "RetentionReviews",
                columns: new[] { "RecordId", "NextReviewOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnalystGrantPeople");

            migrationBuilder.DropTable(
                name: "ChangeLog");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "PersonIdentifiers");

            migrationBuilder.DropTable(
                name: "PhotoContents");

            migrationBuilder.DropTable(
                name: "RateCounters");

            migrationBuilder.DropTable(
                name: "RetentionReviews");

            migrationBuilder.DropTable(
                name: "AnalystGrants");

            migrationBuilder.DropTable(
                name: "PersonPhotos");

            migrationBuilder.DropIndex(
                name: "IX_AlertEvents_AreaCode_ChangePosition_Id",
                table: "AlertEvents");

            migrationBuilder.DropIndex(
                name: "IX_AlertEvents_OfficerId_ChangePosition_Id",
                table: "AlertEvents");

            migrationBuilder.DropColumn(
                name: "Scopes",
                table: "UserAccounts");

            migrationBuilder.DropColumn(
                name: "Registration",
                table: "Sightings");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "Orders");

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
