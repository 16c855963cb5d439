using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Testing;
using Role = OffenderMgmt.Server.Security.Role;
using Scheme = OffenderMgmt.Server.Caseload.Scheme;
using Management = OffenderMgmt.Server.Caseload.Management;
using ContactNote = OffenderMgmt.Server.Caseload.ContactNote;
using ContactKind = OffenderMgmt.Server.Caseload.ContactKind;

namespace OffenderMgmt.Tests.Retention;

/// <summary>
/// Review and disposal on the MoPI schedule (College of Policing APP "Information management:
/// retention, review and disposal", groups 1 to 4; defaults: group 1 every 10 years, group 3
/// after 6), with erasure logged (Data Protection Act 2018 s.62). Each test moves the clock on
/// by years from wherever the last left it, so each makes its own records.
/// </summary>
public sealed class RetentionTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Reviewer = "retention.reviewer";
    private static readonly SemaphoreSlim Accounts = new(1, 1);
    private static bool _accountsMade;

    private async Task<CallInvoker> As(string user = Reviewer)
    {
        await Accounts.WaitAsync();
        try
        {
            if (!_accountsMade)
            {
                await server.CreateAccountAsync(Reviewer, Role.Supervisor);
                await server.CreateAccountAsync("retention.analyst", Role.Analyst);
                await server.CreateAccountAsync("retention.manager", Role.OffenderManager);
                await server.CreateAccountAsync("retention.admin", Role.Admin);
                _accountsMade = true;
            }
        }
        finally
        {
            Accounts.Release();
        }
        return await server.As(user, "reason: reviewing records for retention");
    }

    private async Task<Contracts.V1.Retention.RetentionClient> Retention(string user = Reviewer) => new(await As(user));

    private async Task<string> PersonAsync(string family)
    {
        var people = new People.PeopleClient(await As());
        var person = await people.CreatePersonAsync(new CreatePersonRequest
        {
            Person = new PersonInput { Name = new PersonName { GivenName = "Test", FamilyName = family }, DateOfBirth = "1980-01-01", Sex = Sex.Male },
        });
        return person.Id;
    }

    private async Task<string> SightingAsync(string person, string text)
    {
        var areas = new Areas.AreasClient(await As());
        var recorded = await areas.RecordSightingAsync(new RecordSightingRequest
        {
            PersonId = person, Point = new GeoPoint { Latitude = 51.88, Longitude = -0.42 }, At = Timestamp.FromDateTimeOffset(server.Clock.GetUtcNow().AddHours(-1)),
            LocationText = "outside the bus station", Text = text,
        });
        return recorded.SightingId;
    }

    private async Task<List<string>> SightingsOf(string person) =>
        (await new Areas.AreasClient(await As()).ListSightingsAsync(new ListSightingsRequest { PersonId = person })).Sightings.Select(s => s.Id).ToList();

    private async Task<List<DueRecord>> Due(RetainedRecordKind kind = RetainedRecordKind.Unspecified)
    {
        var client = await Retention();
        var all = new List<DueRecord>();
        var token = "";
        do
        {
            var page = await client.ListDueForReviewAsync(new ListDueForReviewRequest { Kind = kind, PageSize = 2, PageToken = token });
            all.AddRange(page.Records);
            token = page.NextPageToken;
        } while (token != "");
        return all;
    }

    private async Task<ReviewDecision> Decide(string id, ReviewOutcome outcome, string reason, string next = "", RetainedRecordKind kind = RetainedRecordKind.Sighting, string user = Reviewer) =>
        await (await Retention(user)).RecordReviewDecisionAsync(new RecordReviewDecisionRequest { Kind = kind, RecordId = id, Outcome = outcome, Reason = reason, NextReviewOn = next });

    private Task Years(int years) => server.AdvanceClockAsync(TimeSpan.FromDays(365.25 * years));

    private string Today => DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

    /// <summary>A management of the person, written directly (this server has no demo force to enrol into).</summary>
    private Task ManagedAsync(string person, Scheme scheme, ManagementStatus status) => server.WithDb(async db =>
    {
        var team = await db.Teams.FirstOrDefaultAsync() ?? db.Teams.Add(new Team { Name = "Retention test team", Kind = TeamKind.Iom }).Entity;
        db.Managements.Add(new Management
        {
            PersonId = Guid.Parse(person), Scheme = scheme, Status = status, StartedOn = new DateOnly(2020, 1, 1),
            EndedOn = status == ManagementStatus.Ended ? new DateOnly(2021, 1, 1) : null, OwningTeamId = team.Id, RiskLevel = Server.Common.RiskLevel.Medium,
            CreatedAt = server.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_disposal_erases_the_persons_sighting_from_every_read_logs_the_erasure_with_reviewer_and_reason_and_leaves_the_chain_intact()
    {
        var person = await PersonAsync("Disposal");
        var erased = await SightingAsync(person, "seen with a known associate (to be erased)");
        var kept = await SightingAsync(person, "seen alone");
        Assert.Equal(2, (await SightingsOf(person)).Count);   // reads that the audit log now refers to
        await Years(7);

        var due = await Due(RetainedRecordKind.Sighting);
        var mine = due.Where(d => d.PersonId == person).ToList();
        Assert.Equal([erased, kept], mine.Select(d => d.RecordId).Order().SequenceEqual(new[] { erased, kept }.Order()) ? [erased, kept] : mine.Select(d => d.RecordId).ToArray());
        Assert.All(mine, d => Assert.Equal((3, "Test Disposal"), (d.MopiGroup, d.PersonName)));   // MoPI group 3: all other offences

        var decision = await Decide(erased, ReviewOutcome.Dispose, "no longer necessary: no policing purpose after six years");
        Assert.Equal((ReviewOutcome.Dispose, Reviewer), (decision.Outcome, decision.ReviewedBy));

        Assert.Equal([kept], await SightingsOf(person));
        Assert.DoesNotContain(await Due(), d => d.RecordId == erased);
        Assert.False(await server.WithDb(db => db.Sightings.AnyAsync(s => s.Id == Guid.Parse(erased) || s.Text.Contains("to be erased"))));

        var audit = new Audit.AuditClient(await As());
        Assert.True((await audit.VerifyChainAsync(new VerifyChainRequest())).Intact);
        var entries = (await audit.QueryAsync(new QueryAuditRequest { RecordId = erased, PageSize = 100 })).Entries;
        var erasure = Assert.Single(entries, e => e.Action == "delete");
        Assert.Equal(Reviewer, erasure.Subject);
        Assert.Contains("no policing purpose after six years", erasure.Outcome);
        Assert.Contains(person, erasure.RecordIds);
        Assert.Contains(entries, e => e.Rpc.EndsWith("/RecordSighting", StringComparison.Ordinal));   // the entries before it keep the id
    }

    [Fact]
    public async Task A_person_under_active_management_is_never_due_and_their_records_cannot_be_disposed_of()
    {
        var person = await PersonAsync("Managed");
        var sighting = await SightingAsync(person, "seen near the station");
        await ManagedAsync(person, Scheme.Iom, ManagementStatus.Active);
        await Years(12);
        Assert.DoesNotContain(await Due(), d => d.PersonId == person);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "RULE_VIOLATED", () => Decide(sighting, ReviewOutcome.Dispose, "tidying up"));
        Assert.Single(await SightingsOf(person));
    }

    [Fact]
    public async Task Public_protection_records_are_kept_and_reviewed_on_the_longest_schedule()
    {
        var person = await PersonAsync("Protection");
        var sighting = await SightingAsync(person, "seen near a school");
        await ManagedAsync(person, Scheme.Vsomt, ManagementStatus.Ended);
        await Years(7);
        Assert.DoesNotContain(await Due(), d => d.RecordId == sighting);   // group 3 would be due after 6 years; group 1 after 10
        var early = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "RULE_VIOLATED", () => Decide(sighting, ReviewOutcome.Dispose, "early"));
        Assert.Contains("MoPI group 1", early.Status.Detail);
        await Years(4);
        Assert.Equal(1, Assert.Single(await Due(), d => d.RecordId == sighting).MopiGroup);
    }

    [Fact]
    public async Task A_record_retained_with_a_reason_is_not_due_again_until_its_next_review()
    {
        var person = await PersonAsync("Retained");
        var sighting = await SightingAsync(person, "seen at the car park");
        await Years(7);
        Assert.Contains(await Due(), d => d.RecordId == sighting);
        var next = DateOnly.ParseExact(Today, "yyyy-MM-dd").AddYears(1).ToString("yyyy-MM-dd");
        var decision = await Decide(sighting, ReviewOutcome.Retain, "linked to an open investigation", next);
        Assert.Equal(next, decision.NextReviewOn);
        Assert.DoesNotContain(await Due(), d => d.RecordId == sighting);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "RULE_VIOLATED", () => Decide(sighting, ReviewOutcome.Dispose, "changed my mind"));
        await Years(1);
        await server.AdvanceClockAsync(TimeSpan.FromDays(2));
        var again = Assert.Single(await Due(), d => d.RecordId == sighting);
        Assert.Equal(("linked to an open investigation", next), (again.LastDecision, again.DueOn));
    }

    [Fact]
    public async Task Bad_decisions_are_refused_by_field_and_change_nothing()
    {
        var person = await PersonAsync("Refused");
        var sighting = await SightingAsync(person, "seen in the park");
        await RpcAssert.FailsOnField("next_review_on", () => Decide(sighting, ReviewOutcome.Retain, "keep"));
        await RpcAssert.FailsOnField("next_review_on", () => Decide(sighting, ReviewOutcome.Retain, "keep", Today));
        await RpcAssert.FailsOnField("next_review_on", () => Decide(sighting, ReviewOutcome.Retain, "keep", "2099-01-01"));
        await RpcAssert.FailsOnField("next_review_on", () => Decide(sighting, ReviewOutcome.Dispose, "go", "2030-01-01"));
        await RpcAssert.FailsOnField("reason", () => Decide(sighting, ReviewOutcome.Dispose, ""));
        await RpcAssert.FailsOnField("outcome", () => Decide(sighting, ReviewOutcome.Unspecified, "x"));
        await RpcAssert.FailsOnField("kind", () => Decide(sighting, ReviewOutcome.Dispose, "x", kind: RetainedRecordKind.Unspecified));
        await RpcAssert.FailsOnField("record_id", () => Decide("not-an-id", ReviewOutcome.Dispose, "x"));
        await RpcAssert.FailsWith(StatusCode.NotFound, "NOT_FOUND", () => Decide(Guid.NewGuid().ToString(), ReviewOutcome.Dispose, "x"));
        await RpcAssert.FailsWith(StatusCode.NotFound, "NOT_FOUND", () => Decide(sighting, ReviewOutcome.Dispose, "x", kind: RetainedRecordKind.ContactNote));
        await RpcAssert.FailsOnField("page_token", async () => await (await Retention()).ListDueForReviewAsync(new ListDueForReviewRequest { PageToken = "bogus" }));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", () => Decide(sighting, ReviewOutcome.Dispose, "x", user: "retention.analyst"));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", () => Decide(sighting, ReviewOutcome.Dispose, "x", user: "retention.manager"));
        Assert.Single(await SightingsOf(person));
        Assert.False(await server.WithDb(db => db.RetentionReviews.AnyAsync(r => r.RecordId == Guid.Parse(sighting))));
    }

    [Fact]
    public async Task A_contact_note_is_reviewed_and_disposed_of_like_a_sighting_by_an_admin_too()
    {
        var person = await PersonAsync("Contact");
        var note = Guid.CreateVersion7();
        await server.WithDb(async db =>
        {
            db.ContactNotes.Add(new ContactNote { Id = note, PersonId = Guid.Parse(person), At = server.Clock.GetUtcNow().AddDays(-1), Kind = ContactKind.Phone, Text = "called about housing", RecordedBy = "test" });
            await db.SaveChangesAsync();
        });
        await Years(7);
        var due = Assert.Single(await Due(RetainedRecordKind.ContactNote), d => d.RecordId == note.ToString());
        Assert.Equal("contact note (phone call)", due.Summary);
        await Decide(note.ToString(), ReviewOutcome.Dispose, "no longer needed", kind: RetainedRecordKind.ContactNote, user: "retention.admin");
        Assert.False(await server.WithDb(db => db.ContactNotes.AnyAsync(n => n.Id == note)));
    }

    private static string Rule(RpcException error) => error.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Metadata["rule"] ?? "";

    private async Task ErasureLoggedAndChainIntactAsync(string record, string person, string reason)
    {
        var audit = new Audit.AuditClient(await As());
        Assert.True((await audit.VerifyChainAsync(new VerifyChainRequest())).Intact);
        var erasure = Assert.Single((await audit.QueryAsync(new QueryAuditRequest { RecordId = record, PageSize = 100 })).Entries, e => e.Action == "delete");
        Assert.Equal(Reviewer, erasure.Subject);
        Assert.Contains(reason, erasure.Outcome);
        Assert.Contains(person, erasure.RecordIds);
    }

    /// <summary>Adds one record of the kind for the person, written directly, and says whether it is still there.</summary>
    private async Task<(Guid Id, Func<Task<bool>> Exists)> RecordOfKindAsync(RetainedRecordKind kind, string person)
    {
        var owner = Guid.Parse(person);
        var at = server.Clock.GetUtcNow().AddDays(-1);
        var id = Guid.CreateVersion7();
        await server.WithDb(async db =>
        {
            switch (kind)
            {
                case RetainedRecordKind.ComplianceCheck:
                    db.ComplianceChecks.Add(new Server.Compliance.ComplianceCheck
                    {
                        Id = id, PersonId = owner, Kind = Server.Compliance.CheckKind.HomeVisit, DueOn = new DateOnly(2024, 1, 1), OpensOn = new DateOnly(2023, 12, 25),
                        Status = Server.Compliance.CheckStatus.Completed, Outcome = Server.Compliance.CheckOutcome.Compliant, CompletedAt = at, Notes = "spoke to his sister", CreatedAt = at,
                    });
                    // A breach found at the check is a record of its own: it stays, unlinked.
                    db.Breaches.Add(new Server.Compliance.Breach { PersonId = owner, CheckId = id, OccurredAt = at, Source = Server.Compliance.BreachSource.ComplianceCheck, RecordedAt = at });
                    break;
                case RetainedRecordKind.Breach:
                    db.Breaches.Add(new Server.Compliance.Breach
                    {
                        Id = id, PersonId = owner, OccurredAt = at, Location = "the school gates", Source = Server.Compliance.BreachSource.Report, Details = "the head teacher reported him", RecordedAt = at,
                    });
                    break;
                case RetainedRecordKind.Notification:
                    db.OffenderNotifications.Add(new Server.Compliance.OffenderNotification
                    {
                        Id = id, PersonId = owner, Kind = Server.Compliance.NotificationKind.Initial, NotifiedAt = at, EffectiveOn = new DateOnly(2024, 1, 1), Details = "new address given", RecordedAt = at,
                    });
                    break;
                case RetainedRecordKind.RiskAssessment:
                    db.RiskAssessments.Add(new Server.Risk.RiskAssessment
                    {
                        Id = id, PersonId = owner, Tool = Server.Risk.AssessmentTool.Rm2000Violent, CompletedOn = new DateOnly(2024, 1, 1), Assessor = "test",
                        Narrative = "violent when drinking", NextReviewOn = new DateOnly(2025, 1, 1), RecordedAt = at,
                    });
                    break;
                case RetainedRecordKind.Photo:
                    db.PersonPhotos.Add(new Server.Photos.PersonPhoto
                    {
                        Id = id, PersonId = owner, Kind = Server.Photos.PhotoKind.CustodyFront, TakenOn = new DateOnly(2024, 1, 1), Format = Server.Photos.PhotoFormat.Jpeg,
                        Width = 1, Height = 1, ByteCount = 3, Sha256 = new string('0', 64), AddedBy = "test", AddedAt = at,
                    });
                    db.PhotoContents.Add(new Server.Photos.PhotoContent { PhotoId = id, Image = [1, 2, 3], Thumbnail = [1] });
                    break;
                case RetainedRecordKind.Identifier:
                    db.PersonIdentifiers.Add(new Server.Identification.PersonMark
                    {
                        Id = id, PersonId = owner, Type = Server.Identification.MarkType.Tattoo, BodyLocation = "left forearm", Description = "a rose", RecordedAt = at, UpdatedAt = at,
                    });
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind));
            }
            await db.SaveChangesAsync();
        });
        Func<Task<bool>> exists = kind switch
        {
            RetainedRecordKind.ComplianceCheck => () => server.WithDb(db => db.ComplianceChecks.AnyAsync(c => c.Id == id)),
            RetainedRecordKind.Breach => () => server.WithDb(db => db.Breaches.AnyAsync(b => b.Id == id)),
            RetainedRecordKind.Notification => () => server.WithDb(db => db.OffenderNotifications.AnyAsync(n => n.Id == id)),
            RetainedRecordKind.RiskAssessment => () => server.WithDb(db => db.RiskAssessments.AnyAsync(a => a.Id == id)),
            RetainedRecordKind.Photo => () => server.WithDb(async db => await db.PersonPhotos.AnyAsync(p => p.Id == id) || await db.PhotoContents.AnyAsync(c => c.PhotoId == id)),
            _ => () => server.WithDb(db => db.PersonIdentifiers.AnyAsync(i => i.Id == id)),
        };
        return (id, exists);
    }

    [Theory]
    [InlineData(RetainedRecordKind.ComplianceCheck)]
    [InlineData(RetainedRecordKind.Breach)]
    [InlineData(RetainedRecordKind.Notification)]
    [InlineData(RetainedRecordKind.RiskAssessment)]
    [InlineData(RetainedRecordKind.Photo)]
    [InlineData(RetainedRecordKind.Identifier)]
    public async Task Each_kind_of_record_is_due_on_its_groups_schedule_and_its_disposal_erases_it_and_leaves_the_chain_intact(RetainedRecordKind kind)
    {
        var person = await PersonAsync("Kind" + (int)kind);
        var (record, exists) = await RecordOfKindAsync(kind, person);
        await Years(7);
        var due = Assert.Single(await Due(kind), d => d.RecordId == record.ToString());
        Assert.Equal((3, kind), (due.MopiGroup, due.Kind));
        Assert.NotEqual("", due.Summary);

        await Decide(record.ToString(), ReviewOutcome.Dispose, "no policing purpose left", kind: kind);
        Assert.False(await exists());
        Assert.DoesNotContain(await Due(), d => d.RecordId == record.ToString());
        await ErasureLoggedAndChainIntactAsync(record.ToString(), person, "no policing purpose left");
        if (kind == RetainedRecordKind.ComplianceCheck)
            Assert.True(await server.WithDb(db => db.Breaches.AnyAsync(b => b.PersonId == Guid.Parse(person) && b.CheckId == null)));
    }

    [Fact]
    public async Task Disposing_of_a_person_erases_their_personal_data_from_every_table_and_every_read_and_keeps_the_erasure_in_the_chain()
    {
        var people = new People.PeopleClient(await As());
        var created = await people.CreatePersonAsync(new CreatePersonRequest
        {
            Person = new PersonInput
            {
                Name = new PersonName { GivenName = "Whole", FamilyName = "Erasure" }, DateOfBirth = "1979-05-05", Sex = Sex.Male,
                Aliases = { new PersonName { GivenName = "Wholly", FamilyName = "Erased" } },
                Address = new Address { Line1 = "1 Erasure Road", Town = "Bedford", Postcode = "MK40 1AA", Location = new GeoPoint { Latitude = 52.136, Longitude = -0.467 } },
                Description = "scar over the left eye", HealthNotes = "diabetic",
            },
        });
        var person = created.Id;
        var owner = Guid.Parse(person);
        var other = await PersonAsync("Companion");
        var sighting = await SightingAsync(person, "seen with his brother");
        var together = await server.WithDb(async db =>
        {
            var s = await db.Sightings.SingleAsync(x => x.Id == Guid.Parse(sighting));
            var companion = new Server.Sightings.Sighting
            {
                PersonId = Guid.Parse(other), SeenAt = s.SeenAt, Location = s.Location, WithPersonIds = [owner], Text = "with Whole Erasure", ReportedBy = "test", RecordedAt = s.RecordedAt,
            };
            db.Sightings.Add(companion);
            var team = await db.Teams.FirstOrDefaultAsync() ?? db.Teams.Add(new Team { Name = "Retention test team", Kind = TeamKind.Iom }).Entity;
            db.Orders.Add(new Server.Orders.Order
            {
                PersonId = owner, Type = Server.Orders.OrderType.CriminalBehaviourOrder, Status = Server.Orders.OrderStatus.Discharged, Court = "Luton Crown Court",
                MadeOn = new DateOnly(2019, 1, 1), StartsOn = new DateOnly(2019, 1, 1), DischargedOn = new DateOnly(2020, 1, 1), OwningTeamId = team.Id,
                VictimDetails = "his neighbour", RecordedBy = "test", CreatedAt = server.Clock.GetUtcNow(),
            });
            db.ContactNotes.Add(new ContactNote { PersonId = owner, At = server.Clock.GetUtcNow(), Kind = ContactKind.Phone, Text = "called about housing", RecordedBy = "test" });
            await db.SaveChangesAsync();
            return companion.Id;
        });
        await ManagedAsync(person, Scheme.Iom, ManagementStatus.Ended);
        foreach (var kind in new[] { RetainedRecordKind.ComplianceCheck, RetainedRecordKind.Breach, RetainedRecordKind.Notification, RetainedRecordKind.RiskAssessment, RetainedRecordKind.Photo, RetainedRecordKind.Identifier })
            await RecordOfKindAsync(kind, person);
        Assert.Equal(person, (await people.GetPersonAsync(new GetPersonRequest { Id = person })).Id);   // a read the audit log now refers to
        await Years(7);

        var due = Assert.Single(await Due(RetainedRecordKind.Person), d => d.RecordId == person);
        Assert.Equal("Whole Erasure", due.PersonName);
        Assert.Contains("1 sighting", due.Summary);
        Assert.Contains("1 photo", due.Summary);
        Assert.Contains("2 breaches", due.Summary);

        await Decide(person, ReviewOutcome.Dispose, "no longer necessary for a policing purpose", kind: RetainedRecordKind.Person);

        await RpcAssert.FailsWith(StatusCode.NotFound, "NOT_FOUND", async () => await people.GetPersonAsync(new GetPersonRequest { Id = person }));
        Assert.Empty((await people.SearchPeopleAsync(new SearchPeopleRequest { Name = "Erasure" })).People);
        Assert.Empty((await people.SearchPeopleAsync(new SearchPeopleRequest { Name = "Erased" })).People);
        Assert.DoesNotContain(await Due(), d => d.PersonId == person);
        var left = await server.WithDb(async db => new[]
        {
            await db.People.CountAsync(p => p.Id == owner || p.FamilyName == "Erasure"), await db.PersonNameKeys.CountAsync(k => k.PersonId == owner),
            await db.Sightings.CountAsync(s => s.PersonId == owner), await db.ContactNotes.CountAsync(n => n.PersonId == owner),
            await db.ComplianceChecks.CountAsync(c => c.PersonId == owner), await db.Breaches.CountAsync(b => b.PersonId == owner),
            await db.OffenderNotifications.CountAsync(n => n.PersonId == owner), await db.RiskAssessments.CountAsync(a => a.PersonId == owner),
            await db.PersonPhotos.CountAsync(p => p.PersonId == owner), await db.PhotoContents.CountAsync(), await db.PersonIdentifiers.CountAsync(i => i.PersonId == owner),
            await db.Managements.CountAsync(m => m.PersonId == owner), await db.Orders.CountAsync(o => o.PersonId == owner),
            await db.Tasks.CountAsync(t => t.PersonId == owner), await db.AlertEvents.CountAsync(a => a.PersonId == owner),
        });
        Assert.All(left, count => Assert.Equal(0, count));
        var companion = await server.WithDb(db => db.Sightings.SingleAsync(s => s.Id == together));
        Assert.Empty(companion.WithPersonIds);   // the other person's sighting stays, without them
        await ErasureLoggedAndChainIntactAsync(person, person, "no longer necessary for a policing purpose");
        Assert.True(await server.WithDb(db => db.RetentionReviews.AnyAsync(r => r.RecordId == owner && r.Outcome == Server.Retention.ReviewOutcome.Dispose)));
    }

    private Task<List<Server.Idempotency.IdempotencyRecord>> SavedAnswers(string requestIdPrefix) =>
        server.WithDb(db => db.IdempotencyRecords.AsNoTracking().Where(r => r.RequestId.StartsWith(requestIdPrefix)).OrderBy(r => r.RequestId).ToListAsync());

    private static bool Names(Server.Idempotency.IdempotencyRecord saved, string id) =>
        System.Text.Encoding.Latin1.GetString(saved.Response).Contains(id, StringComparison.Ordinal);

    [Fact]
    public async Task A_retried_write_whose_saved_answer_named_a_disposed_record_is_refused_not_answered_after_the_disposal()
    {
        var prefix = "retry-" + Guid.NewGuid().ToString("N")[..8] + "-";
        var person = await PersonAsync("Retried");
        var other = await PersonAsync("Untouched");
        var areas = new Areas.AreasClient(await As());
        RecordSightingRequest Request(string who, string id) => new()
        {
            PersonId = who, Point = new GeoPoint { Latitude = 51.88, Longitude = -0.42 }, At = Timestamp.FromDateTimeOffset(server.Clock.GetUtcNow().AddHours(-1)),
            LocationText = "outside the bus station", Text = "seen buying a phone", RequestId = prefix + id,
        };
        var erasedRequest = Request(person, "a");
        var keptRequest = Request(other, "b");
        var sighting = (await areas.RecordSightingAsync(erasedRequest)).SightingId;
        var kept = (await areas.RecordSightingAsync(keptRequest)).SightingId;
        Assert.Equal(sighting, (await areas.RecordSightingAsync(erasedRequest)).SightingId);   // the retry gets the saved answer
        Assert.True(Names((await SavedAnswers(prefix))[0], sighting));
        await Years(7);

        await Decide(sighting, ReviewOutcome.Dispose, "no policing purpose left");

        var saved = await SavedAnswers(prefix);
        Assert.Equal((0, true), (saved[0].Response.Length, saved[0].ErasedAt is not null));   // blanked with the sighting, in the disposal's transaction
        Assert.True(Names(saved[1], kept) && saved[1].ErasedAt is null);                      // another person's answer is kept
        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "RULE_VIOLATED", async () => await areas.RecordSightingAsync(erasedRequest));
        Assert.Equal("REQUEST_ANSWER_ERASED", Rule(refused));
        Assert.Empty(await SightingsOf(person));                                                // the retry did not record it again
        Assert.Equal(kept, (await areas.RecordSightingAsync(keptRequest)).SightingId);
        await ErasureLoggedAndChainIntactAsync(sighting, person, "no policing purpose left");
    }

    [Fact]
    public async Task Disposing_of_a_person_blanks_every_saved_answer_naming_them_and_unlinks_them_from_other_peoples_non_association_conditions()
    {
        var prefix = "retry-" + Guid.NewGuid().ToString("N")[..8] + "-";
        var people = new People.PeopleClient(await As());
        var create = new CreatePersonRequest
        {
            Person = new PersonInput { Name = new PersonName { GivenName = "Saved", FamilyName = "Answer" }, DateOfBirth = "1981-02-03", Sex = Sex.Male },
            RequestId = prefix + "create",
        };
        var person = (await people.CreatePersonAsync(create)).Id;
        var owner = Guid.Parse(person);
        var other = await PersonAsync("Associate");
        var conditionId = await server.WithDb(async db =>
        {
            var team = await db.Teams.FirstOrDefaultAsync() ?? db.Teams.Add(new Team { Name = "Retention test team", Kind = TeamKind.Iom }).Entity;
            var order = new Server.Orders.Order
            {
                PersonId = Guid.Parse(other), Type = Server.Orders.OrderType.CriminalBehaviourOrder, Status = Server.Orders.OrderStatus.Discharged, Court = "Luton Crown Court",
                MadeOn = new DateOnly(2019, 1, 1), StartsOn = new DateOnly(2019, 1, 1), DischargedOn = new DateOnly(2020, 1, 1), OwningTeamId = team.Id,
                RecordedBy = "test", CreatedAt = server.Clock.GetUtcNow(),
            };
            var condition = new Server.Orders.NonAssociationCondition
            {
                OrderId = order.Id, Wording = "Not to associate with the named persons.",
                Associates = [new Server.Orders.NonAssociate(owner, ""), new Server.Orders.NonAssociate(null, "his cousin")],
            };
            order.Conditions.Add(condition);
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            return condition.Id;
        });
        Assert.Equal(person, (await people.CreatePersonAsync(create)).Id);   // saved
        await Years(7);

        await Decide(person, ReviewOutcome.Dispose, "no longer necessary for a policing purpose", kind: RetainedRecordKind.Person);

        var saved = Assert.Single(await SavedAnswers(prefix));
        Assert.Equal((0, true), (saved.Response.Length, saved.ErasedAt is not null));
        Assert.False(await server.WithDb(async db => (await db.IdempotencyRecords.AsNoTracking().Select(r => r.Response).ToListAsync())
            .Any(r => System.Text.Encoding.Latin1.GetString(r).Contains(person, StringComparison.Ordinal))));
        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "RULE_VIOLATED", async () => await people.CreatePersonAsync(create));
        Assert.Equal("REQUEST_ANSWER_ERASED", Rule(refused));
        Assert.False(await server.WithDb(db => db.People.AnyAsync(p => p.FamilyName == "Answer")));   // not made again by the retry
        var condition = await server.WithDb(db => db.Conditions.OfType<Server.Orders.NonAssociationCondition>().AsNoTracking().SingleAsync(c => c.Id == conditionId));
        Assert.Equal(new[] { new Server.Orders.NonAssociate(null, Server.Retention.RecordErasure.DisposedAssociate), new Server.Orders.NonAssociate(null, "his cousin") }, condition.Associates);
        await ErasureLoggedAndChainIntactAsync(person, person, "no longer necessary for a policing purpose");
    }

    [Fact]
    public async Task A_person_under_active_management_cannot_be_disposed_of_and_stays_readable()
    {
        var person = await PersonAsync("StillManaged");
        await Years(7);
        Assert.Contains(await Due(RetainedRecordKind.Person), d => d.RecordId == person);
        await ManagedAsync(person, Scheme.Iom, ManagementStatus.Active);
        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "RULE_VIOLATED", () => Decide(person, ReviewOutcome.Dispose, "tidying up", kind: RetainedRecordKind.Person));
        Assert.Equal("RETENTION_CASE_ACTIVE", Rule(refused));
        Assert.Equal(person, (await new People.PeopleClient(await As()).GetPersonAsync(new GetPersonRequest { Id = person })).Id);
    }

    /// <summary>
    /// Sexual Offences Act 2003 Part 2 (s.80-s.82 notification periods, indefinite ones until a
    /// review under s.91A-91F): a registered offender's records are reviewed on group 1's
    /// schedule, but kept while the notification requirement lasts, even after the management ends.
    /// </summary>
    [Fact]
    public async Task A_registered_offenders_records_are_reviewed_but_not_disposed_of_while_the_notification_requirement_lasts()
    {
        var person = await PersonAsync("Registered");
        await server.WithDb(async db =>
        {
            var team = await db.Teams.FirstOrDefaultAsync() ?? db.Teams.Add(new Team { Name = "Retention test team", Kind = TeamKind.Iom }).Entity;
            db.Managements.Add(new Management
            {
                PersonId = Guid.Parse(person), Scheme = Scheme.Vsomt, Status = ManagementStatus.Ended, StartedOn = new DateOnly(2020, 1, 1), EndedOn = new DateOnly(2021, 1, 1),
                OwningTeamId = team.Id, RiskLevel = Server.Common.RiskLevel.Medium, CreatedAt = server.Clock.GetUtcNow(),
                Notification = new RsoNotification { ConvictionDate = new DateOnly(2019, 6, 1), Disposal = Server.Caseload.NotificationDisposal.Custodial, AgeAtConviction = 40, PeriodEndsOn = null },
            });
            await db.SaveChangesAsync();
        });
        await Years(11);
        var due = Assert.Single(await Due(RetainedRecordKind.Person), d => d.RecordId == person);
        Assert.Equal(1, due.MopiGroup);
        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "RULE_VIOLATED", () => Decide(person, ReviewOutcome.Dispose, "ten years on", kind: RetainedRecordKind.Person));
        Assert.Equal("RETENTION_NOTIFICATION_LIVE", Rule(refused));
        var next = DateOnly.ParseExact(Today, "yyyy-MM-dd").AddYears(1).ToString("yyyy-MM-dd");
        await Decide(person, ReviewOutcome.Retain, "notification requirement indefinite", next, kind: RetainedRecordKind.Person);
        Assert.True(await server.WithDb(db => db.People.AnyAsync(p => p.Id == Guid.Parse(person))));
    }
}
