using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Testing;
using Role = OffenderMgmt.Server.Security.Role;

namespace OffenderMgmt.Tests.Hardening;

/// <summary>
/// Every Timestamp and date the API accepts goes through one helper (ApiTime): a value a
/// Timestamp cannot hold, or one outside the plausible bounds of what it means, is refused with
/// INVALID_ARGUMENT naming the field, never INTERNAL.
/// </summary>
public sealed class TimeInputTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly ForceClock Clock = new(new FakeTimeProvider(ServerFactory.StartTime), TimeZoneInfo.Utc);

    [Theory]
    [InlineData(0, -1)]
    [InlineData(0, 1_000_000_000)]
    [InlineData(ApiTime.MaxSeconds + 1, 0)]
    [InlineData(ApiTime.MinSeconds - 1, 0)]
    [InlineData(long.MaxValue, 0)]
    public void A_timestamp_protobuf_cannot_hold_is_refused_not_thrown(long seconds, int nanos)
    {
        var v = new Validator();
        Assert.Null(v.Instant("at", new Timestamp { Seconds = seconds, Nanos = nanos }, TimeBounds.Search, Clock));
        var error = Assert.Throws<ValidationException>(v.ThrowIfInvalid);
        Assert.Equal("at", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void The_edges_of_the_timestamp_range_convert()
    {
        var v = new Validator();
        Assert.Equal(DateTimeOffset.MinValue, v.Instant("from", new Timestamp { Seconds = ApiTime.MinSeconds }, TimeBounds.Search, Clock));
        Assert.Equal(new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc),
            v.Instant("to", new Timestamp { Seconds = ApiTime.MaxSeconds, Nanos = ApiTime.MaxNanos }, TimeBounds.Search, Clock)!.Value.UtcDateTime.AddTicks(-9_999_999));
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1989-12-31")]
    [InlineData("2026-11-27")]   // tomorrow
    [InlineData("9999-12-31")]
    public void Something_that_has_happened_is_not_dated_in_year_one_nor_in_the_future(string date)
    {
        var v = new Validator();
        Assert.Null(v.Date("made_on", date, TimeBounds.Happened, Clock));
        Assert.False(v.IsValid);
    }

    [Theory]
    [InlineData("1990-01-01")]
    [InlineData("2026-11-26")]
    public void Something_that_has_happened_may_be_dated_from_1990_to_today(string date)
    {
        var v = new Validator();
        Assert.NotNull(v.Date("made_on", date, TimeBounds.Happened, Clock));
        Assert.True(v.IsValid);
    }

    [Fact]
    public void A_planned_date_may_lie_decades_ahead_but_not_in_year_9999()
    {
        var v = new Validator();
        Assert.NotNull(v.Date("ends_on", "2076-11-26", TimeBounds.Planned, Clock));
        Assert.Null(v.Date("ends_on", "9999-12-31", TimeBounds.Planned, Clock));
        Assert.Null(v.Date("ends_on", "0001-01-01", TimeBounds.Planned, Clock));
        Assert.Equal(2, Assert.Throws<ValidationException>(v.ThrowIfInvalid).Violations.Count);
    }

    [Fact]
    public void A_date_of_birth_may_be_in_1930_but_not_in_1899()
    {
        var v = new Validator();
        Assert.NotNull(v.Date("date_of_birth", "1930-05-01", TimeBounds.Life, Clock));
        Assert.Null(v.Date("date_of_birth", "1899-12-31", TimeBounds.Life, Clock));
        Assert.Single(Assert.Throws<ValidationException>(v.ThrowIfInvalid).Violations);
    }

    private static readonly string AnyId = Guid.NewGuid().ToString();

    /// <summary>Every RPC that takes a Timestamp, with the timestamp set by the case.</summary>
    private static IEnumerable<(string Rpc, string Field, bool Admin, Func<CallInvoker, Timestamp, Task> Call)> TimestampCalls()
    {
        yield return ("Areas/ZonesAt", "at", false, (c, t) => new Areas.AreasClient(c).ZonesAtAsync(new ZonesAtRequest { Point = new GeoPoint { Latitude = 51.88, Longitude = -0.42 }, At = t }).ResponseAsync);
        yield return ("Areas/CheckSighting", "at", false, (c, t) => new Areas.AreasClient(c).CheckSightingAsync(new CheckSightingRequest { PersonId = AnyId, Point = new GeoPoint { Latitude = 51.88, Longitude = -0.42 }, At = t }).ResponseAsync);
        yield return ("Areas/RecordSighting", "at", false, (c, t) => new Areas.AreasClient(c).RecordSightingAsync(new RecordSightingRequest { PersonId = AnyId, Point = new GeoPoint { Latitude = 51.88, Longitude = -0.42 }, At = t, Text = "seen" }).ResponseAsync);
        yield return ("Audit/Query from", "from", true, (c, t) => new Audit.AuditClient(c).QueryAsync(new QueryAuditRequest { From = t }).ResponseAsync);
        yield return ("Audit/Query to", "to", true, (c, t) => new Audit.AuditClient(c).QueryAsync(new QueryAuditRequest { To = t }).ResponseAsync);
        yield return ("Orders/ServeOrder", "served_at", false, (c, t) => new Orders.OrdersClient(c).ServeOrderAsync(new ServeOrderRequest { Id = AnyId, ServedByOfficerId = AnyId, ServedAt = t }).ResponseAsync);
        yield return ("Compliance/RecordBreach", "occurred_at", false, (c, t) => new Compliance.ComplianceClient(c).RecordBreachAsync(new RecordBreachRequest { PersonId = AnyId, OccurredAt = t }).ResponseAsync);
        yield return ("Compliance/RecordOutcome", "completed_at", false, (c, t) => new Compliance.ComplianceClient(c).RecordOutcomeAsync(new RecordOutcomeRequest { CheckId = AnyId, Outcome = CheckOutcome.Compliant, CompletedAt = t }).ResponseAsync);
        yield return ("Caseload/RecordContact", "at", false, (c, t) => new Caseload.CaseloadClient(c).RecordContactAsync(new RecordContactRequest { PersonId = AnyId, Kind = ContactKind.HomeVisit, At = t, Text = "visit" }).ResponseAsync);
    }

    private async Task<(CallInvoker Supervisor, CallInvoker Admin)> CallersAsync()
    {
        await EnsureAccountAsync("time.supervisor", Role.Supervisor);
        await EnsureAccountAsync("time.admin", Role.Admin);
        return (await server.As("time.supervisor", "reason: checking times are refused cleanly"), await server.As("time.admin", "audit"));
    }

    private async Task EnsureAccountAsync(string username, Role role)
    {
        try { await server.CreateAccountAsync(username, role); }
        catch (AlreadyExistsException) { }  // another test in this class made it
    }

    public static TheoryData<long, int> BadTimestamps => new()
    {
        { 0, -1 },                                 // nanos below range
        { 0, 1_000_000_000 },                      // nanos above range
        { ApiTime.MaxSeconds + 1, 0 },             // past 9999-12-31
        { ApiTime.MinSeconds - 1, 0 },             // before 0001-01-01
    };

    [Theory]
    [MemberData(nameof(BadTimestamps))]
    public async Task Every_rpc_that_takes_a_timestamp_refuses_one_out_of_range_naming_the_field(long seconds, int nanos)
    {
        var (supervisor, admin) = await CallersAsync();
        var problems = new List<string>();
        foreach (var (rpc, field, asAdmin, call) in TimestampCalls())
        {
            try
            {
                await call(asAdmin ? admin : supervisor, new Timestamp { Seconds = seconds, Nanos = nanos });
                problems.Add($"{rpc}: accepted it");
            }
            catch (RpcException e)
            {
                var fields = e.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
                if (e.StatusCode != StatusCode.InvalidArgument || !fields.Contains(field))
                    problems.Add($"{rpc}: {e.StatusCode} [{string.Join(", ", fields)}] {e.Status.Detail}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_contact_in_year_one_is_refused_as_implausible()
    {
        var (supervisor, _) = await CallersAsync();
        var violation = await RpcAssert.FailsOnField("at", () => new Caseload.CaseloadClient(supervisor).RecordContactAsync(
            new RecordContactRequest { PersonId = AnyId, Kind = ContactKind.HomeVisit, At = new Timestamp { Seconds = ApiTime.MinSeconds }, Text = "visit" }).ResponseAsync);
        Assert.Contains("1990", violation.Description);
    }

    public static TheoryData<string, string> EdgeDates => new()
    {
        { "Caseload/GetIomReviewAgenda", "0001-01-01" },
        { "Caseload/GetIomReviewAgenda", "9999-12-31" },
        { "Caseload/GetOfficerWorkload", "0001-01-01" },
        { "Caseload/GetTeamWorkload", "0001-01-01" },
    };

    [Theory]
    [MemberData(nameof(EdgeDates))]
    public async Task A_date_at_the_edge_of_the_calendar_is_refused_not_an_internal_error(string rpc, string on)
    {
        var (supervisor, _) = await CallersAsync();
        var caseload = new Caseload.CaseloadClient(supervisor);
        Func<Task> call = rpc switch
        {
            "Caseload/GetIomReviewAgenda" => () => caseload.GetIomReviewAgendaAsync(new GetIomReviewAgendaRequest { On = on }).ResponseAsync,
            "Caseload/GetOfficerWorkload" => () => caseload.GetOfficerWorkloadAsync(new GetOfficerWorkloadRequest { OfficerId = AnyId, On = on }).ResponseAsync,
            _ => () => caseload.GetTeamWorkloadAsync(new GetTeamWorkloadRequest { TeamId = AnyId, On = on }).ResponseAsync,
        };
        await RpcAssert.FailsOnField("on", call);
    }
}
