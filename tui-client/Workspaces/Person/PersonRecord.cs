using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.Workspaces.Person;

/// <summary>Everything the person view shows, as loaded; a part that failed to load is null with the reason.</summary>
public sealed class PersonRecord
{
    public required PersonDetails Details { get; init; }
    public IReadOnlyList<ManagementView>? Managements { get; set; }
    public IReadOnlyList<OrderView>? Orders { get; set; }
    public IReadOnlyList<CheckRow>? Checks { get; set; }
    public IReadOnlyList<BreachEntry>? Breaches { get; set; }
    public IReadOnlyList<ContactEntry>? Contacts { get; set; }
    public IReadOnlyList<SightingEntry>? Sightings { get; set; }
    /// <summary>Issue 18: marks and vehicles; devices and online identities when the role sees casework.</summary>
    public IReadOnlyList<Identifying>? Identifiers { get; set; }
    public NotificationDuty? Notification { get; set; }
    public IReadOnlyList<AssessmentRow>? Assessments { get; set; }

    /// <summary>Each active management's current risk management plan (null: none yet).</summary>
    public Dictionary<string, RiskPlanView?> Plans { get; } = [];

    /// <summary>Why a part is missing, keyed by part name ("orders", "checks"...).</summary>
    public Dictionary<string, string> Missing { get; } = [];

    public IReadOnlyList<CheckRow> OpenChecks =>
        (Checks ?? []).Where(c => c.IsOpen).OrderBy(c => c.DueOn ?? DateOnly.MaxValue).ToList();

    public IReadOnlyList<ManagementView> ActiveManagements => (Managements ?? []).Where(m => m.Active).ToList();

    /// <summary>Orders whose conditions can still be breached.</summary>
    public IReadOnlyList<OrderView> LiveOrders =>
        (Orders ?? []).Where(o => o.Live).ToList();
}
