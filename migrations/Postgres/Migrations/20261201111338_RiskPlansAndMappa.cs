using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OffenderMgmt.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RiskPlansAndMappa : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AssessmentId",
                table: "ManagementRiskChanges",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OverridesAssessmentId",
                table: "ManagementRiskChanges",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MappaMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Chair = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Agencies = table.Column<string>(type: "text", nullable: false),
                    Attendees = table.Column<string>(type: "text", nullable: false),
                    MinutesRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MinutesRecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ScheduledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappaMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerAgencyAccounts",
                columns: table => new
                {
                    Username = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Agency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerAgencyAccounts", x => x.Username);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tool = table.Column<int>(type: "integer", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Assessor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Rm2000Category = table.Column<int>(type: "integer", nullable: true),
                    ArmsRiskFactors = table.Column<string>(type: "text", nullable: false),
                    ArmsProtectiveFactors = table.Column<string>(type: "text", nullable: false),
                    ArmsLevel = table.Column<int>(type: "integer", nullable: true),
                    RoshChildren = table.Column<int>(type: "integer", nullable: true),
                    RoshPublic = table.Column<int>(type: "integer", nullable: true),
                    RoshKnownAdult = table.Column<int>(type: "integer", nullable: true),
                    RoshStaff = table.Column<int>(type: "integer", nullable: true),
                    DashLevel = table.Column<int>(type: "integer", nullable: true),
                    DashYesAnswers = table.Column<int>(type: "integer", nullable: true),
                    OtherToolName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OtherLevel = table.Column<int>(type: "integer", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Narrative = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MappaActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ManagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    What = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerAgency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerOfficerId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappaActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MappaActions_MappaMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "MappaMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MappaActions_Officers_OwnerOfficerId",
                        column: x => x.OwnerOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MappaMeetingCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ManagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    Details = table.Column<string>(type: "text", nullable: false),
                    Minuted = table.Column<bool>(type: "boolean", nullable: false),
                    Decision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    DisclosureConsidered = table.Column<bool>(type: "boolean", nullable: false),
                    DisclosureDecision = table.Column<int>(type: "integer", nullable: true),
                    DisclosureRationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappaMeetingCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MappaMeetingCases_Managements_ManagementId",
                        column: x => x.ManagementId,
                        principalTable: "Managements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MappaMeetingCases_MappaMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "MappaMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MappaReferrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ManagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    ProposedLevel = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReferredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HeardAtMeetingId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappaReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MappaReferrals_Managements_ManagementId",
                        column: x => x.ManagementId,
                        principalTable: "Managements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MappaReferrals_MappaMeetings_HeardAtMeetingId",
                        column: x => x.HeardAtMeetingId,
                        principalTable: "MappaMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ManagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Supervision = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    MonitoringAndControl = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Interventions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    VictimSafety = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    BasedOnAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovalNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskPlans_Managements_ManagementId",
                        column: x => x.ManagementId,
                        principalTable: "Managements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskPlans_RiskAssessments_BasedOnAssessmentId",
                        column: x => x.BasedOnAssessmentId,
                        principalTable: "RiskAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Pillar = table.Column<int>(type: "integer", nullable: false),
                    What = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerOfficerId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerAgency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanActions_Officers_OwnerOfficerId",
                        column: x => x.OwnerOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanActions_RiskPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "RiskPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MappaActions_MeetingId",
                table: "MappaActions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MappaActions_OwnerOfficerId",
                table: "MappaActions",
                column: "OwnerOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_MappaActions_PersonId",
                table: "MappaActions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MappaMeetingCases_ManagementId",
                table: "MappaMeetingCases",
                column: "ManagementId");

            migrationBuilder.CreateIndex(
                name: "IX_MappaMeetingCases_MeetingId_ManagementId",
                table: "MappaMeetingCases",
                columns: new[] { "MeetingId", "ManagementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MappaMeetingCases_PersonId",
                table: "MappaMeetingCases",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MappaMeetings_Level_HeldOn",
                table: "MappaMeetings",
                columns: new[] { "Level", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MappaReferrals_HeardAtMeetingId",
                table: "MappaReferrals",
                column: "HeardAtMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MappaReferrals_ManagementId",
                table: "MappaReferrals",
                column: "ManagementId");

            migrationBuilder.CreateIndex(
                name: "IX_MappaReferrals_PersonId",
                table: "MappaReferrals",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MappaReferrals_ProposedLevel_HeardAtMeetingId",
                table: "MappaReferrals",
                columns: new[] { "ProposedLevel", "HeardAtMeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_OwnerOfficerId",
                table: "PlanActions",
                column: "OwnerOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_PlanId",
                table: "PlanActions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_Status_DueOn",
                table: "PlanActions",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_NextReviewOn",
                table: "RiskAssessments",
                column: "NextReviewOn");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_PersonId_Tool_CompletedOn",
                table: "RiskAssessments",
                columns: new[] { "PersonId", "Tool", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskPlans_BasedOnAssessmentId",
                table: "RiskPlans",
                column: "BasedOnAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskPlans_ManagementId_Status",
                table: "RiskPlans",
                columns: new[] { "ManagementId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskPlans_PersonId",
                table: "RiskPlans",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MappaActions");

            migrationBuilder.DropTable(
                name: "MappaMeetingCases");

            migrationBuilder.DropTable(
                name: "MappaReferrals");

            migrationBuilder.DropTable(
                name: "PartnerAgencyAccounts");

            migrationBuilder.DropTable(
                name: "PlanActions");

            migrationBuilder.DropTable(
                name: "MappaMeetings");

            migrationBuilder.DropTable(
                name: "RiskPlans");

            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropColumn(
                name: "AssessmentId",
                table: "ManagementRiskChanges");

            migrationBuilder.DropColumn(
                name: "OverridesAssessmentId",
                table: "ManagementRiskChanges");
        }
    }
}
