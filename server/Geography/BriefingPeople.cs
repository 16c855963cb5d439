using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Geography;

/// <summary>A person as a local officer needs to know them (briefing-level only).</summary>
public sealed record BriefedPerson(
    Person Person, RiskLevel Risk, IReadOnlyList<string> Schemes, IReadOnlyList<Order> Orders, Officer? Contact, Team? ContactTeam,
    string WhatToDo, bool LivesHere, double? DistanceMetres)
{
    /// <summary>The current photo's id (the client fetches the image with People/GetPhoto).</summary>
    public Guid? PhotoId { get; init; }

    /// <summary>Current marks and vehicles (from the view: see <see cref="BriefingFacts.Identifiers"/>).</summary>
    public IReadOnlyList<Identification.PersonIdentifier> Identifiers { get; init; } = [];
}

/// <summary>
/// Says what a briefing says of a set of people: their facts come from the in-memory
/// <see cref="BriefingFactsView"/>; what to do if seen is written at the time of asking, as it
/// turns on today's date and on the names of the people they must not be with.
/// </summary>
public sealed class BriefingPeople(OffenderMgmtDb db, BriefingFactsView view, BriefingFactsLoader loader, ForceClock clock)
{
    /// <summary>The view, with every committed change applied.</summary>
    public ValueTask<BriefingFactsView> CurrentAsync(CancellationToken cancellationToken) => view.CurrentAsync(cancellationToken);

    /// <summary>The people's briefing entries, as of <paramref name="today"/> (the force's date when not given).</summary>
    public async Task<IReadOnlyList<BriefedPerson>> LoadAsync(IReadOnlyCollection<Guid> personIds, Func<Person, bool> livesHere, Func<Person, double?> distance, CancellationToken cancellationToken, DateOnly? today = null)
    {
        var day = today ?? clock.Today;
        if (personIds.Count == 0) return [];
        var current = await view.CurrentAsync(cancellationToken);
        var facts = new List<BriefingFacts>(personIds.Count);
        var missing = new List<Guid>();
        foreach (var id in personIds.Distinct())
        {
            if (current.Find(id) is { } found) facts.Add(found);
            else missing.Add(id);
        }
        // Someone whose change committed after the view was brought up to date but before the
        // caller's own query saw them: read from the database rather than left out.
        if (missing.Count > 0) facts.AddRange(await loader.LoadAsync(missing, cancellationToken));

        var contacts = current.Contacts;
        var associateIds = facts.SelectMany(f => f.Orders).SelectMany(o => o.Conditions).OfType<NonAssociationCondition>()
            .SelectMany(c => c.Associates).Select(a => a.PersonId).OfType<Guid>();
        var associateNames = await current.NamesOfAsync(associateIds, db, cancellationToken);

        return facts.Select(f =>
        {
            var (person, cases, live) = (f.Person, f.Cases, f.Orders);
            var risk = cases.Count > 0 ? cases[0].RiskLevel : RiskLevel.Unspecified;
            var lead = cases.Select(m => m.ResponsibleOfficerId).Concat(live.Select(o => o.LeadOfficerId)).OfType<Guid>().FirstOrDefault();
            var contact = lead == Guid.Empty ? null : contacts.Officers.GetValueOrDefault(lead);
            var teamId = contact?.TeamId ?? cases.Select(m => (Guid?)m.OwningTeamId).FirstOrDefault() ?? live.Select(o => (Guid?)o.OwningTeamId).FirstOrDefault();
            var team = teamId is { } t ? contacts.Teams.GetValueOrDefault(t) : null;
            return new BriefedPerson(person, risk, cases.Select(Describe).ToList(), live, contact, team,
                WhatToDo(person, live, contact, team, associateNames, day), livesHere(person), distance(person)) { PhotoId = f.PhotoId, Identifiers = f.Identifiers };
        }).ToList();
    }

    public static IEnumerable<BriefedPerson> ByRisk(IEnumerable<BriefedPerson> people) =>
        people.OrderByDescending(p => p.Risk).ThenByDescending(p => p.Orders.Count).ThenBy(p => p.Person.SortName).ThenBy(p => p.Person.Id);

    private static string Describe(CaseFacts m) => m.Scheme switch
    {
        Scheme.Vsomt => m.Register == Register.RegisteredSexOffender
            ? $"VSOMT: registered sex offender (MAPPA {m.MappaCategory}, level {m.MappaLevel})"
            : $"VSOMT: registered violent offender (MAPPA {m.MappaCategory}, level {m.MappaLevel})",
        Scheme.Iom => $"IOM: {m.CohortType} cohort",
        _ => $"Serious organised crime: lifetime management ({m.OcgReference})",
    };

    /// <summary>What a local officer should do if they see the person, in plain words.</summary>
    private static string WhatToDo(Person person, IReadOnlyList<Order> orders, Officer? contact, Team? team, IReadOnlyDictionary<Guid, string> names, DateOnly today)
    {
        var lines = new List<string>();
        if (person.CustodyStatus == CustodyStatus.InCustody)
            lines.Add($"In custody{(person.ExpectedReleaseDate is { } r ? $", release expected {r:yyyy-MM-dd}" : "")}: if seen, they may have been released early or be unlawfully at large; report it.");
        foreach (var order in orders.Where(o => o.ServedAt is not null && o.IsEnforceableOn(today)))
        {
            foreach (var condition in order.Conditions)
            {
                switch (condition)
                {
                    case ExclusionZoneCondition z:
                        lines.Add($"Must not enter {z.ZoneName}{(z.Windows.Count > 0 ? $" ({string.Join(", ", z.Windows.Select(w => w.Describe()))})" : "")}.");
                        break;
                    case CurfewCondition c:
                        lines.Add($"Must be at {(c.AddressText.Length > 0 ? c.AddressText : "home")} {string.Join(", ", c.Windows.Select(w => w.Describe()).Distinct())}.");
                        break;
                    case NonAssociationCondition n:
                        lines.Add($"Must not be with {string.Join(", ", n.Associates.Select(a => a.PersonId is { } id && names.TryGetValue(id, out var name) ? name : a.Description))}.");
                        break;
                }
            }
        }
        if (orders.Any(o => o.ServedAt is null)) lines.Add("An order has been made but not yet served: if you meet them, it may be served on them; contact the lead officer.");
        if (person.WarningMarkers != WarningMarkers.None)
            lines.Add($"Warning markers: {WarningMarkerNames.Describe(person.WarningMarkers)}. {(person.WarningMarkers.HasFlag(WarningMarkers.Weapons) || person.WarningMarkers.HasFlag(WarningMarkers.Firearms) || person.WarningMarkers.HasFlag(WarningMarkers.Violent) ? "Do not approach alone." : "")}".Trim());
        lines.Add("If seen, run a sighting check: it says whether this is a breach.");
        lines.Add(contact is not null
            ? $"Tell {contact.DisplayName} ({contact.CollarNumber}) on {contact.Phone} of any sighting or breach."
            : $"Nobody holds this case at present: call {team?.Name ?? "the owning team"}{(team is { Phone.Length: > 0 } ? $" on {team.Phone}" : "")}.");
        return string.Join(" ", lines);
    }
}
