using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OffenderMgmt.Server.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Areas",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DistrictName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BoundaryWkb = table.Column<byte[]>(type: "BLOB", nullable: false),
                    MinLatitude = table.Column<double>(type: "REAL", nullable: false),
                    MinLongitude = table.Column<double>(type: "REAL", nullable: false),
                    MaxLatitude = table.Column<double>(type: "REAL", nullable: false),
                    MaxLongitude = table.Column<double>(type: "REAL", nullable: false),
                    CentroidLatitude = table.Column<double>(type: "REAL", nullable: false),
                    CentroidLongitude = table.Column<double>(type: "REAL", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Areas", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Rpc = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordIds = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PncId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    AddressLine1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AddressLine2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AddressTown = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AddressPostcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    HomeLatitude = table.Column<double>(type: "REAL", nullable: true),
                    HomeLongitude = table.Column<double>(type: "REAL", nullable: true),
                    HomeAreaCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CustodyStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedReleaseDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WarningMarkers = table.Column<int>(type: "INTEGER", nullable: false),
                    HealthNotes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SortName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SystemSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SystemSettings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonAliases_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonNameKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Soundex = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNameKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonNameKeys_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Officers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CollarNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rank = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Accreditations = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractedHours = table.Column<double>(type: "REAL", nullable: false),
                    InPostFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InPostTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Officers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Officers_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Managements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scheme = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OwningTeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResponsibleOfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RiskLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    CohortType = table.Column<int>(type: "INTEGER", nullable: true),
                    IomCategories = table.Column<int>(type: "INTEGER", nullable: false),
                    Register = table.Column<int>(type: "INTEGER", nullable: false),
                    MappaCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    MappaLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    NotificationConvictionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NotificationDisposal = table.Column<int>(type: "INTEGER", nullable: true),
                    NotificationSentenceMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    NotificationAgeAtConviction = table.Column<int>(type: "INTEGER", nullable: true),
                    NotificationPeriodEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NotificationLastNotifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OcgReference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RiskAssessment = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    NextReviewDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Managements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Managements_Officers_ResponsibleOfficerId",
                        column: x => x.ResponsibleOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Managements_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Managements_Teams_OwningTeamId",
                        column: x => x.OwningTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Court = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MadeOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ServedByOfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ServedWhere = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OwningTeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadOfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DischargedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DischargeReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    VictimDetails = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SourceRequestId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Orders_Officers_LeadOfficerId",
                        column: x => x.LeadOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_Officers_ServedByOfficerId",
                        column: x => x.ServedByOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_Teams_OwningTeamId",
                        column: x => x.OwningTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ManagementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BreachId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CheckId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedOfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedTeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tasks_Officers_AssignedOfficerId",
                        column: x => x.AssignedOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_Teams_AssignedTeamId",
                        column: x => x.AssignedTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ManagementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactNotes_Managements_ManagementId",
                        column: x => x.ManagementId,
                        principalTable: "Managements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactNotes_Officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactNotes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ManagementAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ManagementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagementAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManagementAssignments_Managements_ManagementId",
                        column: x => x.ManagementId,
                        principalTable: "Managements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ManagementAssignments_Officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ManagementAssignments_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ManagementRiskChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ManagementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    FromRisk = table.Column<int>(type: "INTEGER", nullable: false),
                    ToRisk = table.Column<int>(type: "INTEGER", nullable: false),
                    FromMappaLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    ToMappaLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagementRiskChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManagementRiskChanges_Managements_ManagementId",
                        column: x => x.ManagementId,
                        principalTable: "Managements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Conditions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Wording = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AddedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CurfewWindows = table.Column<string>(type: "TEXT", nullable: true),
                    AddressText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CurfewLatitude = table.Column<double>(type: "REAL", nullable: true),
                    CurfewLongitude = table.Column<double>(type: "REAL", nullable: true),
                    MaxPhones = table.Column<int>(type: "INTEGER", nullable: true),
                    MustRegisterDevices = table.Column<bool>(type: "INTEGER", nullable: true),
                    MustAllowInspection = table.Column<bool>(type: "INTEGER", nullable: true),
                    InspectionIntervalMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    ZoneName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Shape = table.Column<int>(type: "INTEGER", nullable: true),
                    PolygonWkb = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CentreLatitude = table.Column<double>(type: "REAL", nullable: true),
                    CentreLongitude = table.Column<double>(type: "REAL", nullable: true),
                    RadiusMetres = table.Column<double>(type: "REAL", nullable: true),
                    ZoneWindows = table.Column<string>(type: "TEXT", nullable: true),
                    MinLatitude = table.Column<double>(type: "REAL", nullable: true),
                    MinLongitude = table.Column<double>(type: "REAL", nullable: true),
                    MaxLatitude = table.Column<double>(type: "REAL", nullable: true),
                    MaxLongitude = table.Column<double>(type: "REAL", nullable: true),
                    WhatToReport = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReportIntervalMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    Associates = table.Column<string>(type: "TEXT", nullable: true),
                    CheckIntervalDays = table.Column<int>(type: "INTEGER", nullable: true),
                    NotifyWithinDays = table.Column<int>(type: "INTEGER", nullable: true),
                    NoticeDays = table.Column<int>(type: "INTEGER", nullable: true),
                    PassportSurrendered = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conditions_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderVariations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VariedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Court = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderVariations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderVariations_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplianceChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ManagementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConditionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedByOfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CancelledReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplianceChecks_Conditions_ConditionId",
                        column: x => x.ConditionId,
                        principalTable: "Conditions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ComplianceChecks_Managements_ManagementId",
                        column: x => x.ManagementId,
                        principalTable: "Managements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ComplianceChecks_Officers_CompletedByOfficerId",
                        column: x => x.CompletedByOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ComplianceChecks_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ComplianceChecks_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExclusionZoneAreas",
                columns: table => new
                {
                    ConditionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExclusionZoneAreas", x => new { x.ConditionId, x.AreaCode });
                    table.ForeignKey(
                        name: "FK_ExclusionZoneAreas_Conditions_ConditionId",
                        column: x => x.ConditionId,
                        principalTable: "Conditions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Breaches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConditionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SightingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    RecordedByOfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Breaches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Breaches_ComplianceChecks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "ComplianceChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Breaches_Conditions_ConditionId",
                        column: x => x.ConditionId,
                        principalTable: "Conditions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Breaches_Officers_RecordedByOfficerId",
                        column: x => x.RecordedByOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Breaches_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Breaches_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BreachStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BreachId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreachStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BreachStatusChanges_Breaches_BreachId",
                        column: x => x.BreachId,
                        principalTable: "Breaches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sightings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    WithPersonIds = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ReportedByOfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Verdict = table.Column<int>(type: "INTEGER", nullable: false),
                    VerdictReasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    BreachId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sightings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sightings_Breaches_BreachId",
                        column: x => x.BreachId,
                        principalTable: "Breaches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sightings_Officers_ReportedByOfficerId",
                        column: x => x.ReportedByOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sightings_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Areas_DistrictCode",
                table: "Areas",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_Areas_Name",
                table: "Areas",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OfficerId_At",
                table: "AuditEntries",
                columns: new[] { "OfficerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Subject_At",
                table: "AuditEntries",
                columns: new[] { "Subject", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Breaches_CheckId",
                table: "Breaches",
                column: "CheckId");

            migrationBuilder.CreateIndex(
                name: "IX_Breaches_ConditionId",
                table: "Breaches",
                column: "ConditionId");

            migrationBuilder.CreateIndex(
                name: "IX_Breaches_OrderId_Status",
                table: "Breaches",
                columns: new[] { "OrderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Breaches_PersonId_OccurredAt",
                table: "Breaches",
                columns: new[] { "PersonId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Breaches_RecordedByOfficerId",
                table: "Breaches",
                column: "RecordedByOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_BreachStatusChanges_BreachId",
                table: "BreachStatusChanges",
                column: "BreachId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceChecks_CompletedByOfficerId",
                table: "ComplianceChecks",
                column: "CompletedByOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceChecks_ConditionId",
                table: "ComplianceChecks",
                column: "ConditionId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceChecks_ManagementId_Status",
                table: "ComplianceChecks",
                columns: new[] { "ManagementId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceChecks_OrderId_Status",
                table: "ComplianceChecks",
                columns: new[] { "OrderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceChecks_PersonId_DueOn",
                table: "ComplianceChecks",
                columns: new[] { "PersonId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceChecks_Status_DueOn",
                table: "ComplianceChecks",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Conditions_OrderId",
                table: "Conditions",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactNotes_ManagementId",
                table: "ContactNotes",
                column: "ManagementId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactNotes_OfficerId",
                table: "ContactNotes",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactNotes_PersonId_At",
                table: "ContactNotes",
                columns: new[] { "PersonId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ExclusionZoneAreas_AreaCode",
                table: "ExclusionZoneAreas",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_ManagementAssignments_ManagementId",
                table: "ManagementAssignments",
                column: "ManagementId");

            migrationBuilder.CreateIndex(
                name: "IX_ManagementAssignments_OfficerId_From",
                table: "ManagementAssignments",
                columns: new[] { "OfficerId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_ManagementAssignments_TeamId",
                table: "ManagementAssignments",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ManagementRiskChanges_ManagementId",
                table: "ManagementRiskChanges",
                column: "ManagementId");

            migrationBuilder.CreateIndex(
                name: "IX_Managements_OwningTeamId_Status",
                table: "Managements",
                columns: new[] { "OwningTeamId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Managements_PersonId",
                table: "Managements",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Managements_ResponsibleOfficerId_Status",
                table: "Managements",
                columns: new[] { "ResponsibleOfficerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Officers_CollarNumber",
                table: "Officers",
                column: "CollarNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Officers_TeamId",
                table: "Officers",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_LeadOfficerId_Status",
                table: "Orders",
                columns: new[] { "LeadOfficerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_OwningTeamId_Status",
                table: "Orders",
                columns: new[] { "OwningTeamId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PersonId",
                table: "Orders",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ServedByOfficerId",
                table: "Orders",
                column: "ServedByOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_SourceRequestId",
                table: "Orders",
                column: "SourceRequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Status_EndsOn",
                table: "Orders",
                columns: new[] { "Status", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderVariations_OrderId",
                table: "OrderVariations",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_People_HomeAreaCode",
                table: "People",
                column: "HomeAreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_People_HomeLatitude_HomeLongitude",
                table: "People",
                columns: new[] { "HomeLatitude", "HomeLongitude" });

            migrationBuilder.CreateIndex(
                name: "IX_People_PncId",
                table: "People",
                column: "PncId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_SortName_Id",
                table: "People",
                columns: new[] { "SortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonAliases_PersonId",
                table: "PersonAliases",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameKeys_PersonId",
                table: "PersonNameKeys",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameKeys_Soundex_PersonId",
                table: "PersonNameKeys",
                columns: new[] { "Soundex", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameKeys_Token_PersonId",
                table: "PersonNameKeys",
                columns: new[] { "Token", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_AreaCode_SeenAt",
                table: "Sightings",
                columns: new[] { "AreaCode", "SeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_BreachId",
                table: "Sightings",
                column: "BreachId");

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_PersonId_SeenAt",
                table: "Sightings",
                columns: new[] { "PersonId", "SeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_ReportedByOfficerId",
                table: "Sightings",
                column: "ReportedByOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_AssignedOfficerId_Status",
                table: "Tasks",
                columns: new[] { "AssignedOfficerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_AssignedTeamId_Status",
                table: "Tasks",
                columns: new[] { "AssignedTeamId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PersonId_Status",
                table: "Tasks",
                columns: new[] { "PersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SourceKey",
                table: "Tasks",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Teams_Name",
                table: "Teams",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Areas");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "BreachStatusChanges");

            migrationBuilder.DropTable(
                name: "ContactNotes");

            migrationBuilder.DropTable(
                name: "ExclusionZoneAreas");

            migrationBuilder.DropTable(
                name: "ManagementAssignments");

            migrationBuilder.DropTable(
                name: "ManagementRiskChanges");

            migrationBuilder.DropTable(
                name: "OrderVariations");

            migrationBuilder.DropTable(
                name: "PersonAliases");

            migrationBuilder.DropTable(
                name: "PersonNameKeys");

            migrationBuilder.DropTable(
                name: "Sightings");

            migrationBuilder.DropTable(
                name: "SystemSettings");

            migrationBuilder.DropTable(
                name: "Tasks");

            migrationBuilder.DropTable(
                name: "Breaches");

            migrationBuilder.DropTable(
                name: "ComplianceChecks");

            migrationBuilder.DropTable(
                name: "Conditions");

            migrationBuilder.DropTable(
                name: "Managements");

            migrationBuilder.DropTable(
                name: "Orders");

            migrationBuilder.DropTable(
                name: "Officers");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Teams");
        }
    }
}
