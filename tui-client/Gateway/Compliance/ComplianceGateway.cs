using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>Compliance checks (due, overdue, history, outcomes) and breaches.</summary>
public sealed class ComplianceGateway(ServerConnection connection)
{
    private const int MaxRows = 2000;
    private readonly V1.Compliance.ComplianceClient _compliance = new(connection.Invoker);

    /// <summary>Open checks due in the next <paramref name="horizonDays"/> days for an officer, a team or a person.</summary>
    public Task<IReadOnlyList<CheckRow>> DueAsync(CheckScope scope, Purpose purpose, CancellationToken cancellationToken, int horizonDays = 28) =>
        ListAsync((request, o) => _compliance.ListDueAsync(request, o), scope.ToRequest(horizonDays), purpose, cancellationToken);

    /// <summary>Open checks past their due date, longest overdue first.</summary>
    public async Task<IReadOnlyList<CheckRow>> OverdueAsync(CheckScope scope, Purpose purpose, CancellationToken cancellationToken)
    {
        var rows = await ListAsync((request, o) => _compliance.ListOverdueAsync(request, o), scope.ToRequest(0), purpose, cancellationToken);
        return rows.OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.PersonName, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>A person's checks, open and closed, newest due date first.</summary>
    public async Task<IReadOnlyList<CheckRow>> HistoryAsync(string personId, Purpose purpose, CancellationToken cancellationToken)
    {
        var rows = await connection.AllPagesAsync(purpose,
            (token, o) => _compliance.ListHistoryAsync(new V1.ListHistoryRequest { PersonId = personId, PageSize = 200, PageToken = token }, o),
            r => r.Checks.Select(ToRow), r => r.NextPageToken, MaxRows, cancellationToken);
        return rows;
    }

    public async Task<OutcomeRecorded> RecordOutcomeAsync(
        string checkId, CheckResult result, string notes, string? breachOrderId, string? breachConditionId,
        string requestId, Purpose purpose, CancellationToken cancellationToken, IReadOnlyList<FoundDevice>? devicesFound = null,
        DateTimeOffset? completedAt = null)
    {
        var request = new V1.RecordOutcomeRequest
        {
            CheckId = checkId,
            CompletedAt = Wire.Timestamp(completedAt),
            Outcome = WireEnums.CheckResults.ToWire(result),
            Notes = notes.Trim(),
            BreachOrderId = breachOrderId ?? "",
            BreachConditionId = breachConditionId ?? "",
            RequestId = requestId,
        };
        // Issue 18: the devices a device inspection found.
        request.DevicesFound.AddRange((devicesFound ?? []).Select(d => new V1.DeviceFound { Type = V1.DeviceType.Phone, PhoneNumber = d.PhoneNumber ?? "", Imei = d.Imei ?? "" }));
        var response = await connection.CallAsync(purpose, o => _compliance.RecordOutcomeAsync(request, o), cancellationToken);
        return new OutcomeRecorded(ToRow(response.Closed), response.Next is null ? null : ToRow(response.Next),
            response.Breach is null ? null : ToBreach(response.Breach), response.UnregisteredDeviceIds.Count);
    }

    public async Task<BreachEntry> RecordBreachAsync(BreachReport report, string requestId, Purpose purpose, CancellationToken cancellationToken)
    {
        var request = new V1.RecordBreachRequest
        {
            PersonId = report.PersonId,
            OrderId = report.OrderId ?? "",
            ConditionId = report.ConditionId ?? "",
            OccurredAt = Wire.Timestamp(report.OccurredAt),
            LocationText = report.LocationText?.Trim() ?? "",
            Source = V1.BreachSource.Report,
            Details = report.Details?.Trim() ?? "",
            RequestId = requestId,
        };
        var breach = await connection.CallAsync(purpose, o => _compliance.RecordBreachAsync(request, o), cancellationToken);
        return ToBreach(breach);
    }

    /// <summary>A person's breaches, newest first.</summary>
    /// <summary>Moves a breach on: confirmed, action taken (with the action), or not a breach after all.</summary>
    public async Task<BreachEntry> UpdateBreachAsync(BreachEntry breach, BreachDecision decision, string note, string requestId, Purpose purpose, CancellationToken cancellationToken)
    {
        var (status, action) = decision switch
        {
            BreachDecision.Confirm => (V1.BreachStatus.Confirmed, V1.BreachAction.Unspecified),
            BreachDecision.Warning => (V1.BreachStatus.ActionTaken, V1.BreachAction.Warning),
            BreachDecision.Arrest => (V1.BreachStatus.ActionTaken, V1.BreachAction.Arrest),
            BreachDecision.Charge => (V1.BreachStatus.ActionTaken, V1.BreachAction.Charge),
            BreachDecision.NotABreach => (V1.BreachStatus.NotABreach, V1.BreachAction.Unspecified),
            _ => throw new ArgumentOutOfRangeException(nameof(decision)),
        };
        var updated = await connection.CallAsync(purpose, o => _compliance.UpdateBreachAsync(new V1.UpdateBreachRequest
        {
            Id = breach.Id, ExpectedVersion = breach.Version, Status = status, Action = action, Note = note.Trim(), RequestId = requestId,
        }, o), cancellationToken);
        return ToBreach(updated);
    }

    public async Task<IReadOnlyList<BreachEntry>> BreachesOfAsync(string personId, Purpose purpose, CancellationToken cancellationToken)
    {
        var rows = await connection.AllPagesAsync(purpose,
            (token, o) => _compliance.ListBreachesAsync(new V1.ListBreachesRequest { PersonId = personId, PageSize = 200, PageToken = token }, o),
            r => r.Breaches.Select(ToBreach), r => r.NextPageToken, MaxRows, cancellationToken);
        return rows.OrderByDescending(b => b.OccurredAt).ToList();
    }

    private async Task<IReadOnlyList<CheckRow>> ListAsync(
        Func<V1.ListChecksRequest, Grpc.Core.CallOptions, Grpc.Core.AsyncUnaryCall<V1.ListChecksResponse>> call,
        V1.ListChecksRequest request, Purpose purpose, CancellationToken cancellationToken)
    {
        var rows = new List<CheckRow>();
        do
        {
            var page = await connection.CallAsync(purpose, o => call(request, o), cancellationToken);
            rows.AddRange(page.Checks.Select(ToRow));
            request = request.Clone();
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0 && rows.Count < MaxRows);
        return rows;
    }

    internal static CheckRow ToRow(V1.ComplianceCheck c) => new(
        c.Id, c.PersonId, c.PersonName, Wording.Of(c.Kind), Wire.Text(c.Description), Wire.Date(c.DueOn), Wire.Date(c.OpensOn),
        c.Status == V1.CheckStatus.Open, Wording.Of(c.Status), Wire.Text(Wording.Of(c.Outcome)), Wire.Instant(c.CompletedAt),
        Wire.Text(c.ResponsibleOfficerName), c.DaysOverdue, Wire.Text(c.Notes),
        Wire.Text(c.OrderId), Wire.Text(c.ConditionId), Wire.Text(c.ManagementId), c.Version);

    internal static BreachEntry ToBreach(V1.Breach b) => new(
        b.Id, b.PersonId, b.PersonName, Wire.Text(b.OrderId), Wire.Text(b.ConditionWording), Wire.Instant(b.OccurredAt),
        Wire.Text(b.LocationText), Wording.Of(b.Source), Wording.Of(b.Status), Wire.Text(Wording.Of(b.Action)),
        Wire.Text(b.RecordedBy), Wire.Text(b.Details), b.Status is V1.BreachStatus.Suspected or V1.BreachStatus.Confirmed, b.Version);
}

/// <summary>Whose checks: one officer's, one team's, or one person's.</summary>
public sealed record CheckScope(string? OfficerId = null, string? TeamId = null, string? PersonId = null)
{
    public static CheckScope Officer(string officerId) => new(OfficerId: officerId);
    public static CheckScope Team(string teamId) => new(TeamId: teamId);
    public static CheckScope Person(string personId) => new(PersonId: personId);

    internal V1.ListChecksRequest ToRequest(int horizonDays) => new()
    {
        OfficerId = OfficerId ?? "", TeamId = TeamId ?? "", PersonId = PersonId ?? "", HorizonDays = horizonDays, PageSize = 500,
    };
}
