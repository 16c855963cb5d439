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
        Assert.Equal("contact note (phone)", due.Summary);
        await Decide(note.ToString(), ReviewOutcome.Dispose, "no longer needed", kind: RetainedRecordKind.ContactNote, user: "retention.admin");
        Assert.False(await server.WithDb(db => db.ContactNotes.AnyAsync(n => n.Id == note)));
    }
}
