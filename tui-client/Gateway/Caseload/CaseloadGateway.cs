using System.Globalization;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>
/// Caseloads, workloads, the orphaned queue and reallocation, tasks, contacts and the IOM
/// review: the Caseload service, as plain records.
/// </summary>
public sealed class CaseloadGateway(ServerConnection connection)
{
    private const int MaxRows = 5000;
    private readonly V1.Caseload.CaseloadClient _caseload = new(connection.Invoker);

    /// <summary>Every active case the officer holds (all pages).</summary>
    public Task<IReadOnlyList<CaseRow>> OfOfficerAsync(string officerId, Purpose purpose, CancellationToken cancellationToken) =>
        ListCaseloadAsync(new V1.ListCaseloadRequest { OfficerId = officerId }, purpose, cancellationToken);

    /// <summary>Every active case the team owns (all pages).</summary>
    public Task<IReadOnlyList<CaseRow>> OfTeamAsync(string teamId, Purpose purpose, CancellationToken cancellationToken) =>
        ListCaseloadAsync(new V1.ListCaseloadRequest { TeamId = teamId }, purpose, cancellationToken);

    private async Task<IReadOnlyList<CaseRow>> ListCaseloadAsync(V1.ListCaseloadRequest request, Purpose purpose, CancellationToken cancellationToken)
    {
        var rows = new List<CaseRow>();
        request.PageSize = 500;
        do
        {
            var page = await connection.CallAsync(purpose, o => _caseload.ListCaseloadAsync(request, o), cancellationToken);
            rows.AddRange(page.Cases.Select(ToRow));
            request = request.Clone();
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0 && rows.Count < MaxRows);
        return rows;
    }

    /// <summary>A person's managements, current and past.</summary>
    public async Task<IReadOnlyList<ManagementView>> ManagementsOfAsync(string personId, Purpose purpose, CancellationToken cancellationToken)
    {
        var response = await connection.CallAsync(purpose, o => _caseload.ListManagementsAsync(
            new V1.ListManagementsRequest { PersonId = personId, IncludeEnded = true }, o), cancellationToken);
        return response.Managements.OrderByDescending(m => m.Active).ThenByDescending(m => m.StartedOn, StringComparer.Ordinal)
            .Select(ToView).ToList();
    }

    public async Task<OfficerWorkload> OfficerWorkloadAsync(string officerId, Purpose purpose, CancellationToken cancellationToken)
    {
        var workload = await connection.CallAsync(purpose, o => _caseload.GetOfficerWorkloadAsync(
            new V1.GetOfficerWorkloadRequest { OfficerId = officerId }, o), cancellationToken);
        return ToWorkload(workload);
    }

    public async Task<TeamWorkloadView> TeamWorkloadAsync(string teamId, Purpose purpose, CancellationToken cancellationToken)
    {
        var team = await connection.CallAsync(purpose, o => _caseload.GetTeamWorkloadAsync(
            new V1.GetTeamWorkloadRequest { TeamId = teamId }, o), cancellationToken);
        return new TeamWorkloadView(team.TeamId, team.TeamName,
            team.Officers.Select(ToWorkload).OrderByDescending(w => w.UtilisationPercent).ToList(),
            team.Points, team.CapacityPoints, team.Utilisation, team.OrphanedItems);
    }

    /// <summary>
    /// An officer has left post (or moved team): everything they hold goes to the team's
    /// orphaned queue at once, each item with a handover summary.
    /// </summary>
    public async Task<IReadOnlyList<OrphanedCase>> OfficerLeavesAsync(string officerId, DateOnly? leftOn, string note, string requestId, Purpose purpose, CancellationToken cancellationToken)
    {
        var response = await connection.CallAsync(purpose, o => _caseload.OfficerLeavesAsync(new V1.OfficerLeavesRequest
        {
            OfficerId = officerId, LeftOn = Wire.Date(leftOn), Note = note.Trim(), RequestId = requestId,
        }, o), cancellationToken);
        return response.Orphaned.Select(ToOrphaned).ToList();
    }

    /// <summary>The team's orphaned queue, highest risk and longest waiting first.</summary>
    public async Task<IReadOnlyList<OrphanedCase>> OrphanedAsync(string teamId, Purpose purpose, CancellationToken cancellationToken)
    {
        var rows = await connection.AllPagesAsync(purpose,
            (token, o) => _caseload.ListOrphanedAsync(new V1.ListOrphanedRequest { TeamId = teamId, PageSize = 500, PageToken = token }, o),
            r => r.Items.Select(ToOrphaned), r => r.NextPageToken, MaxRows, cancellationToken);
        return rows.OrderByDescending(r => r.Risk).ThenBy(r => r.OrphanedAt).ThenBy(r => r.PersonName, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>
    /// Who could take these cases and orders together, best first (as the server ranks them),
    /// each with their load now and after the move; nobody the move would take over capacity is eligible.
    /// </summary>
    public async Task<IReadOnlyList<OwnerSuggestion>> SuggestOwnersAsync(IReadOnlyList<OrphanedCase> items, Purpose purpose, CancellationToken cancellationToken, int limit = 10)
    {
        var request = new V1.SuggestOwnersRequest { Limit = limit };
        request.Items.AddRange(items.Select(i => new V1.ReallocationItem { Kind = i.Kind, Id = i.Id }));
        var response = await connection.CallAsync(purpose, o => _caseload.SuggestOwnersAsync(request, o), cancellationToken);
        return response.Suggestions.Select(s => new OwnerSuggestion(
            s.OfficerId, s.OfficerName, Wire.Text(s.TeamName), s.Utilisation, s.UtilisationAfter, s.Accredited, s.SameArea, s.Eligible, Wire.Text(s.Why))).ToList();
    }

    public async Task<Reallocated> ReallocateAsync(
        IReadOnlyList<OrphanedCase> items, string officerId, ReallocationReason reason, string note, string requestId,
        Purpose purpose, CancellationToken cancellationToken)
    {
        var request = new V1.ReallocateRequest { OfficerId = officerId, Reason = WireEnums.ReallocationReasons.ToWire(reason), Note = note.Trim(), RequestId = requestId };
        request.Items.AddRange(items.Select(i => new V1.ReallocationItem { Kind = i.Kind, Id = i.Id }));
        var response = await connection.CallAsync(purpose, o => _caseload.ReallocateAsync(request, o), cancellationToken);
        return new Reallocated(response.OfficerId, response.Reallocated.Select(ToOrphaned).ToList());
    }

    /// <summary>Open tasks for an officer (or, with <paramref name="teamQueue"/>, the team's unassigned queue).</summary>
    public async Task<IReadOnlyList<TaskRow>> TasksAsync(string id, bool teamQueue, Purpose purpose, CancellationToken cancellationToken)
    {
        var rows = new List<TaskRow>();
        var request = teamQueue ? new V1.ListTasksRequest { TeamId = id } : new V1.ListTasksRequest { OfficerId = id };
        request.PageSize = 500;
        do
        {
            var page = await connection.CallAsync(purpose, o => _caseload.ListTasksAsync(request, o), cancellationToken);
            rows.AddRange(page.Tasks.Select(t => new TaskRow(
                t.Id, Wording.Of(t.Kind), t.Title, Wire.Text(t.Detail), Wire.Text(t.PersonId), Wire.Text(t.PersonName),
                Wire.Date(t.DueOn), t.Status == V1.TaskStatus.Open, t.Overdue, Wire.Instant(t.CreatedAt))));
            request = request.Clone();
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0 && rows.Count < MaxRows);
        return rows;
    }

    public async Task<ContactEntry> RecordContactAsync(
        string personId, string? managementId, ContactType type, string text, string requestId, Purpose purpose, CancellationToken cancellationToken,
        DateTimeOffset? at = null)
    {
        var note = await connection.CallAsync(purpose, o => _caseload.RecordContactAsync(new V1.RecordContactRequest
        {
            PersonId = personId,
            At = Wire.Timestamp(at),
            ManagementId = managementId ?? "",
            Kind = WireEnums.ContactTypes.ToWire(type),
            Text = text.Trim(),
            RequestId = requestId,
        }, o), cancellationToken);
        return ToContact(note);
    }

    /// <summary>A person's contacts, newest first.</summary>
    public async Task<IReadOnlyList<ContactEntry>> ContactsOfAsync(string personId, Purpose purpose, CancellationToken cancellationToken)
    {
        var rows = await connection.AllPagesAsync(purpose,
            (token, o) => _caseload.ListContactsAsync(new V1.ListContactsRequest { PersonId = personId, PageSize = 200, PageToken = token }, o),
            r => r.Contacts.Select(ToContact), r => r.NextPageToken, MaxRows, cancellationToken);
        return rows.OrderByDescending(c => c.At).ToList();
    }

    /// <summary>The IOM review agenda for the meeting on <paramref name="meetingOn"/> (the server's today when null).</summary>
    public async Task<IomAgenda> IomAgendaAsync(DateOnly? meetingOn, Purpose purpose, CancellationToken cancellationToken)
    {
        var agenda = await connection.CallAsync(purpose, o => _caseload.GetIomReviewAgendaAsync(
            new V1.GetIomReviewAgendaRequest { On = Wire.Date(meetingOn) }, o), cancellationToken);
        return new IomAgenda(Wire.Date(agenda.MeetingOn), Wire.Date(agenda.Since), agenda.Items.Select(ToAgendaItem).ToList());
    }

    public async Task<IomAgendaItem> RecordIomDecisionAsync(IomDecision decision, string requestId, Purpose purpose, CancellationToken cancellationToken)
    {
        var request = new V1.RecordIomDecisionRequest
        {
            ManagementId = decision.ManagementId,
            MeetingOn = Wire.Date(decision.MeetingOn),
            Decision = decision.Decision.Trim(),
            ProposeDeselection = decision.ProposeDeselection,
            RequestId = requestId,
        };
        request.Actions.AddRange(decision.Actions.Select(a => new V1.IomAction
        {
            Action = a.Action, PartnerAgency = a.PartnerAgency ?? "", Owner = a.Owner ?? "", DueOn = Wire.Date(a.DueOn),
        }));
        var item = await connection.CallAsync(purpose, o => _caseload.RecordIomDecisionAsync(request, o), cancellationToken);
        return ToAgendaItem(item);
    }

    internal static CaseRow ToRow(V1.CaseSummary c) => new(
        c.ManagementId, c.PersonId, c.PersonName, Wording.Of(c.Scheme), RiskWords.FromWire(c.RiskLevel),
        Wire.Text(c.ResponsibleOfficerId), Wire.Text(c.ResponsibleOfficerName), Wire.Text(c.NextCheckKind), Wire.Date(c.NextCheckDue),
        c.OverdueChecks, c.OpenBreaches, Wire.Text(c.AreaName), Wire.Date(c.NextReviewDue), c.InCustody,
        Wire.Date(c.ExpectedReleaseDate), c.LiveOrders);

    internal static ManagementView ToView(V1.Management m) => new(
        m.Id, Wording.Of(m.Scheme), m.Active, Wire.Date(m.StartedOn), Wire.Date(m.EndedOn), Wire.Text(m.EndReason),
        Wire.Text(m.OwningTeamName), Wire.Text(m.ResponsibleOfficerName), RiskWords.FromWire(m.RiskLevel), Summary(m),
        Wire.Date(m.NextReviewDue), m.Assignments.OrderByDescending(a => a.From?.Seconds ?? 0).Select(Assignment).ToList(),
        Wire.Text(m.RiskAssessment), m.Version);

    /// <summary>"RSO, MAPPA category 1 level 2" or "Fixed cohort: domestic abuse, violent" or "OCG-BED-014".</summary>
    private static string Summary(V1.Management m)
    {
        var parts = new List<string>();
        switch (m.Scheme)
        {
            case V1.Scheme.Vsomt:
                if (m.Register != V1.Register.Unspecified) parts.Add(Wording.Of(m.Register));
                if (m.MappaCategory > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"MAPPA category {m.MappaCategory} level {m.MappaLevel}"));
                if (m.Notification is { } n && n.PeriodEndsOn.Length > 0) parts.Add($"notification until {n.PeriodEndsOn}");
                else if (m.Notification is not null && m.Register == V1.Register.SexOffender) parts.Add("notification indefinite");
                break;
            case V1.Scheme.Iom:
                var categories = string.Join(", ", m.IomCategories.Select(Wording.Of).Where(c => c.Length > 0));
                parts.Add($"{Wording.Of(m.CohortType)} cohort{(categories.Length > 0 ? $": {categories}" : "")}");
                break;
            case V1.Scheme.SocLifetime:
                if (m.OcgReference.Length > 0) parts.Add($"OCG {m.OcgReference}");
                break;
        }
        return string.Join("; ", parts);
    }

    private static string Assignment(V1.Assignment a)
    {
        var who = a.OfficerName.Length > 0 ? a.OfficerName : "the team's queue (orphaned)";
        var from = Wire.Instant(a.From) is { } f ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "?";
        var to = Wire.Instant(a.To) is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "now";
        var why = Wording.Of(a.Reason);
        return $"{from} to {to}: {who}{(why.Length > 0 ? $" ({why})" : "")}{(a.Note.Length > 0 ? $": {a.Note}" : "")}";
    }

    internal static OfficerWorkload ToWorkload(V1.OfficerWorkload w) => new(
        w.OfficerId, w.OfficerName, Wire.Text(w.TeamName), w.ContractedHours, w.CapacityPoints, w.Points, w.Utilisation,
        w.Cases, w.Orders,
        w.Items.Select(i => new WorkloadItemView(i.Kind, i.PersonName, i.Points, i.Reasons.ToList())).ToList(),
        w.Weeks.Select(k => new WeekLoad(Wire.Date(k.WeekEnding), k.Points, k.Utilisation)).ToList(),
        w.ConsecutiveWeeksOverThreshold, w.Excessive, w.Threshold, Wire.Text(w.Explanation), w.OutOfPost, Wire.Date(w.LeftOn));

    internal static OrphanedCase ToOrphaned(V1.OrphanedItem i)
    {
        var h = i.Handover ?? new V1.HandoverSummary();
        return new OrphanedCase(
            i.Kind, i.Id, i.PersonId, i.PersonName, i.Description, RiskWords.FromWire(i.RiskLevel), Wire.Text(i.PreviousOfficerName),
            Wire.Instant(i.OrphanedAt),
            new Handover(h.OpenChecks, Wire.Text(CheckKindNamed(h.NextCheckKind)), Wire.Date(h.NextCheckDue), h.OverdueChecks, h.OpenBreaches,
                Wire.Date(h.PendingReleaseDate), Wire.Date(h.LastContactOn), Wire.Text(ContactKindNamed(h.LastContactKind)), null),
            i.NeedsAccreditation);
    }

    /// <summary>
    /// The handover's check and contact kinds arrive as the server's enum names ("DeviceInspection",
    /// "HomeVisit"); they are shown through the same explicit tables as the API's enums, never as
    /// they come (issue 20, point 9: "next deviceinspection due"). The server's own handover note
    /// repeats these facts with the raw names, so it is not shown: the client writes them itself.
    /// </summary>
    internal static string CheckKindNamed(string name) =>
        name.Length == 0 ? ""
        // The one server name that differs from the API's.
        : name == "OtherConditionCheck" ? Wording.Of(V1.CheckKind.OtherCondition)
        : Enum.TryParse<V1.CheckKind>(name, ignoreCase: false, out var kind) && kind != V1.CheckKind.Unspecified ? Wording.Of(kind) : "check";

    internal static string ContactKindNamed(string name) =>
        name.Length == 0 ? "" : Enum.TryParse<V1.ContactKind>(name, ignoreCase: false, out var kind) && kind != V1.ContactKind.Unspecified ? Wording.Of(kind) : "contact";

    internal static ContactEntry ToContact(V1.ContactNote c) =>
        new(c.Id, Wire.Instant(c.At), Wording.Of(c.Kind), Wire.Text(c.Text), Wire.Text(c.RecordedBy));

    internal static IomAgendaItem ToAgendaItem(V1.IomReviewItem i) => new(
        i.ManagementId, i.PersonId, i.PersonName, Wording.Of(i.CohortType), i.Categories.Select(Wording.Of).Where(c => c.Length > 0).ToList(),
        RiskWords.FromWire(i.RiskLevel), Wire.Text(i.ResponsibleOfficerName),
        i.Reasons.Select(Wording.Of).Where(r => r.Length > 0).ToList(), i.Details.ToList(), Wire.Text(i.Decision),
        i.Actions.Select(a => new IomActionItem(a.Action, Wire.Text(a.PartnerAgency), Wire.Text(a.Owner), Wire.Date(a.DueOn))).ToList(),
        i.ProposeDeselection, Wire.Text(i.DecidedBy));
}
