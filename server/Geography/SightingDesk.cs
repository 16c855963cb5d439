using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Alerts;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Identification;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Server.Sightings;

namespace OffenderMgmt.Server.Geography;

public sealed record SightingCheck(Person Person, AreaShape? Area, IReadOnlyList<Finding> Findings, Verdict Verdict, string Summary);

public sealed record SightingRecorded(Sighting Sighting, SightingCheck Check, IReadOnlyList<Breach> Breaches);

/// <summary>One person checked for a vehicle sighting: how they are linked to it, and whether the officer saw them.</summary>
public sealed record PersonSightingCheck(SightingCheck Check, VehicleLink? Link, bool Identified);

public sealed record VehicleSightingCheck(string Registration, AreaShape? Area, IReadOnlyList<PersonSightingCheck> People, Verdict Verdict, string Summary);

public sealed record VehicleSightingRecorded(IReadOnlyList<Sighting> Sightings, VehicleSightingCheck Check, IReadOnlyList<Breach> Breaches);

public sealed record ZoneHit(ZoneEntry Zone, string PersonName, bool BindsNow);

/// <summary>
/// "I have just seen this person here": checks the sighting against every condition the person
/// is under now, records it as intelligence, and opens a suspected breach (with its task and
/// alert) for each condition it breaches. Also answers which zones cover a point.
/// </summary>
public sealed class SightingDesk(
    OffenderMgmtDb db, ZoneIndexHolder zones, BriefingFactsView briefingFacts, AreaIndexHolder areas, BreachRegister breaches, IdentificationDesk identification, Caller caller, ForceClock clock)
{
    public const int MaxDaysBack = 366;

    public async Task<IReadOnlyList<ZoneHit>> ZonesAtAsync(double? latitude, double? longitude, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var (lat, lon, when) = CheckPlaceAndTime(latitude, longitude, at, allowFutureDays: 7);
        var local = clock.ToLocal(when).DateTime;
        // One catch-up with the change log for both views: the briefing view's (names), then the
        // zone index as of that same catch-up.
        var view = await briefingFacts.CurrentAsync(cancellationToken);
        var index = await zones.CaughtUpAsync(cancellationToken);
        // Zones in date, binding now or not (a zone barred only on weekdays is still worth knowing about).
        var hits = index.Covering(lat, lon).Where(z => z.InDateOn(DateOnly.FromDateTime(local))).ToList();
        var personIds = hits.Select(h => h.PersonId).Distinct().ToList();
        var names = await view.NamesOfAsync(personIds, db, cancellationToken);
        return hits.Select(h => new ZoneHit(h, names.GetValueOrDefault(h.PersonId, ""), h.BindsAt(local)))
            .OrderByDescending(h => h.BindsNow).ThenBy(h => h.Zone.ZoneName).ToList();
    }

    public async Task<SightingCheck> CheckAsync(Guid personId, double? latitude, double? longitude, DateTimeOffset? at, IReadOnlyList<Guid> with, string withDescription, CancellationToken cancellationToken)
    {
        var (lat, lon, when) = CheckPlaceAndTime(latitude, longitude, at, allowFutureDays: 0);
        var description = CheckCompany(with, withDescription);
        var view = await briefingFacts.CurrentAsync(cancellationToken);
        return await JudgeAsync(personId, lat, lon, when, with.ToHashSet(), description, view, cancellationToken);
    }

    /// <summary>
    /// "I have just seen this vehicle here" (issue 18): everyone linked to the vehicle, and the
    /// person seen with it if the officer says who, is checked against their orders. Only a
    /// person the officer saw (person_id or with_person_ids) can be found in breach; for someone
    /// only linked to the vehicle, what would be a breach is a possible one, for the officer to
    /// confirm (who was in the vehicle), since a vehicle sighting alone does not place them
    /// there. Non-association is judged between everyone linked to the vehicle and seen.
    /// </summary>
    public async Task<VehicleSightingCheck> CheckVehicleAsync(
        Guid? personId, string registration, double? latitude, double? longitude, DateTimeOffset? at, IReadOnlyList<Guid> with, string withDescription, CancellationToken cancellationToken)
    {
        if (!RegistrationMark.TryNormalise(registration, out var compact, out _, out var problem))
            throw new ValidationException("registration", problem);
        var (lat, lon, when) = CheckPlaceAndTime(latitude, longitude, at, allowFutureDays: 0);
        var description = CheckCompany(with, withDescription);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var view = await briefingFacts.CurrentAsync(cancellationToken);
        var links = (await identification.LinkedToAsync(compact, cancellationToken)).GroupBy(v => v.PersonId).ToDictionary(g => g.Key, g => g.First().Link);
        var seen = with.ToHashSet();
        if (personId is { } subject) seen.Add(subject);
        var everyone = seen.Union(links.Keys).ToHashSet();
        var checkedPeople = (personId is { } p ? [p] : Array.Empty<Guid>()).Union(links.Keys).ToList();

        var results = new List<PersonSightingCheck>();
        foreach (var id in checkedPeople)
        {
            var identified = seen.Contains(id);
            // What is certain: with the people the officer saw. What is possible: with everyone linked to the vehicle too.
            var possible = await JudgeAsync(id, lat, lon, when, everyone.Where(o => o != id).ToHashSet(), description, view, cancellationToken);
            var certain = identified
                ? await JudgeAsync(id, lat, lon, when, seen.Where(o => o != id).ToHashSet(), description, view, cancellationToken)
                : null;
            results.Add(new PersonSightingCheck(Combine(possible, certain, compact, links.TryGetValue(id, out var l) ? l : null), links.TryGetValue(id, out var link) ? link : null, identified));
        }
        var verdict = results.Count == 0 ? Verdict.NotEnoughInformation : Worst(results.Select(r => r.Check.Verdict));
        var display = RegistrationMark.Display(compact);
        var summary = results.Count == 0
            ? $"No one on the system is linked to {display}{(personId is null ? "" : " but the person you named")}."
            : $"Vehicle {display}: {string.Join(" | ", results.OrderBy(r => r.Check.Verdict == Verdict.Breach ? 0 : r.Check.Verdict == Verdict.NotEnoughInformation ? 1 : 2).Select(r => $"{r.Check.Person.DisplayName} ({(r.Link is { } k ? IdentifierRules.LinkWords(k) : "seen")}): {r.Check.Summary}"))}";
        return new VehicleSightingCheck(compact, areas.Current.Classify(lat, lon), results, verdict, summary);
    }

    /// <summary>
    /// The findings for one person of a vehicle sighting: a breach only where it is certain
    /// (they were seen, and the breach holds with only the people seen); otherwise a possible
    /// breach (not enough information), saying what to confirm.
    /// </summary>
    private static SightingCheck Combine(SightingCheck possible, SightingCheck? certain, string registration, VehicleLink? link)
    {
        var display = RegistrationMark.Display(registration);
        var sure = certain?.Findings.Where(f => f.Verdict == Verdict.Breach).Select(f => f.Condition.Id).ToHashSet() ?? [];
        var findings = possible.Findings.Select(f =>
        {
            if (f.Verdict != Verdict.Breach) return certain?.Findings.FirstOrDefault(c => c.Condition.Id == f.Condition.Id) ?? f;
            if (sure.Contains(f.Condition.Id)) return certain!.Findings.First(c => c.Condition.Id == f.Condition.Id);
            var why = certain is null
                ? $"Possible breach: only the vehicle {display} ({(link is { } k ? IdentifierRules.LinkWords(k) : "linked")}) was seen; if they were in it: {f.Reason} Confirm who was in the vehicle."
                : $"Possible breach, if the other people linked to {display} were with them: {f.Reason} Confirm who was in the vehicle.";
            return f with { Verdict = Verdict.NotEnoughInformation, Reason = why };
        }).ToList();
        var verdict = SightingJudge.Overall(findings);
        return possible with { Findings = findings, Verdict = verdict, Summary = Summary(possible.Person, verdict, findings) };
    }

    private static Verdict Worst(IEnumerable<Verdict> verdicts)
    {
        var all = verdicts.ToList();
        return all.Contains(Verdict.Breach) ? Verdict.Breach : all.Contains(Verdict.NotEnoughInformation) ? Verdict.NotEnoughInformation : Verdict.NoBreach;
    }

    private static string CheckCompany(IReadOnlyList<Guid> with, string withDescription)
    {
        var v = new Validator();
        var description = v.Optional("with_description", withDescription, 500);
        v.Count("with_person_ids", with.Count, RequestLimits.WithPersonIds);
        v.ThrowIfInvalid();
        return description;
    }

    /// <summary>Judges one person seen at a checked place and time with the given company.</summary>
    private async Task<SightingCheck> JudgeAsync(Guid personId, double lat, double lon, DateTimeOffset when, IReadOnlySet<Guid> with, string description, BriefingFactsView view, CancellationToken cancellationToken)
    {
        // Anyone managed or under a live order is in the briefing view, kept current on commit;
        // only someone with neither (so with no live condition to breach) is read from the database.
        var facts = view.Find(personId);
        var person = facts?.Person
                     ?? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken)
                     ?? throw new NotFoundException("person", personId.ToString(), "person_id");
        var local = clock.ToLocal(when).DateTime;
        var day = DateOnly.FromDateTime(local);
        var orders = day == clock.Today
            ? EnforceableOn(facts?.Orders ?? [], when, day).ToList()
            : await EnforceableFromDatabaseAsync(personId, when, day, cancellationToken);
        var associateIds = orders.SelectMany(o => o.Conditions).OfType<NonAssociationCondition>().SelectMany(c => c.Associates).Select(a => a.PersonId).OfType<Guid>().Distinct().ToList();
        var names = await view.NamesOfAsync(associateIds, db, cancellationToken);
        var home = person.Address is { } a ? (a.Latitude, a.Longitude) : ((double, double)?)null;

        var findings = SightingJudge.Judge(orders, new SightingFacts(lat, lon, local, with, description), id => names.GetValueOrDefault(id, "a named person"), home);
        var verdict = SightingJudge.Overall(findings);
        return new SightingCheck(person, areas.Current.Classify(lat, lon), findings, verdict, Summary(person, verdict, findings));
    }

    /// <summary>
    /// The orders a sighting at <paramref name="when"/> (local day <paramref name="day"/>) can
    /// breach: served by then, begun, not ended or discharged by that day, in the order the
    /// briefing view keeps them (type, then id; conditions by date added, then id).
    /// </summary>
    internal static IEnumerable<Order> EnforceableOn(IEnumerable<Order> orders, DateTimeOffset when, DateOnly day) =>
        orders.Where(o => o.ServedAt != null && o.ServedAt <= when && o.StartsOn <= day && (o.EndsOn == null || o.EndsOn >= day) &&
                          (o.DischargedOn == null || o.DischargedOn > day) && o.Status is OrderStatus.Active or OrderStatus.Varied or OrderStatus.Discharged or OrderStatus.Expired);

    /// <summary>
    /// A sighting today is judged from the briefing view's live orders (issue 13: no query per
    /// check). That is exact for today: the view holds every order not discharged or expired with
    /// its conditions not removed, and an order discharged (OrderBook.DischargeAsync refuses a
    /// future date), expired (only once its end date has passed) or a condition removed (a
    /// variation refuses a future date) can no longer bind today. A sighting on another day
    /// (reported late, or a few minutes ahead across midnight) needs the orders as they stood
    /// then, so reads them here; the same filter and order as <see cref="EnforceableOn"/>.
    /// </summary>
    internal async Task<List<Order>> EnforceableFromDatabaseAsync(Guid personId, DateTimeOffset when, DateOnly day, CancellationToken cancellationToken)
    {
        // One person has a few orders of a few conditions each: one joined query beats a split one.
        var orders = await db.Orders.AsNoTracking().Include(o => o.Conditions)
            .Where(o => o.PersonId == personId && o.ServedAt != null && o.ServedAt <= when && o.StartsOn <= day && (o.EndsOn == null || o.EndsOn >= day) &&
                        (o.DischargedOn == null || o.DischargedOn > day) && (o.Status == OrderStatus.Active || o.Status == OrderStatus.Varied || o.Status == OrderStatus.Discharged || o.Status == OrderStatus.Expired))
            .AsSingleQuery().ToListAsync(cancellationToken);
        foreach (var order in orders)
        {
            var sorted = order.Conditions.OrderBy(c => c.AddedOn).ThenBy(c => c.Id).ToList();
            order.Conditions.Clear();
            order.Conditions.AddRange(sorted);
        }
        return orders.OrderBy(o => o.Type).ThenBy(o => o.Id).ToList();
    }

    public async Task<SightingRecorded> RecordAsync(
        Guid personId, double? latitude, double? longitude, DateTimeOffset? at, string locationText, IReadOnlyList<Guid> with, string withDescription, string text, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var where = v.Optional("location_text", locationText, 500);
        var intelligence = v.Optional("text", text, 20_000);
        v.ThrowIfInvalid();
        var check = await CheckAsync(personId, latitude, longitude, at, with, withDescription, cancellationToken);
        var when = at ?? clock.Now;
        var sighting = new Sighting
        {
            PersonId = personId, SeenAt = when, Latitude = latitude!.Value, Longitude = longitude!.Value, Location = where, AreaCode = check.Area?.Code,
            WithPersonIds = with.ToList(), Text = intelligence, ReportedBy = caller.Subject, ReportedByOfficerId = caller.OfficerId,
            Verdict = VerdictEnums.ToStored(check.Verdict), VerdictReasons = Clip(string.Join(" ", check.Findings.Select(f => f.Reason)), 4000), RecordedAt = clock.Now,
        };
        db.Sightings.Add(sighting);
        var opened = new List<Breach>();
        foreach (var finding in check.Findings.Where(f => f.Verdict == Verdict.Breach))
        {
            opened.Add(await breaches.RecordAsync(new BreachReport(
                personId, finding.Order.Id, finding.Condition.Id, when, latitude, longitude, where.Length > 0 ? where : check.Area?.Name ?? "",
                BreachSource.Sighting, null, sighting.Id, finding.Reason), cancellationToken));
        }
        sighting.BreachId = opened.FirstOrDefault()?.Id;
        await db.SaveChangesAsync(cancellationToken);
        return new SightingRecorded(sighting, check, opened);
    }

    /// <summary>Records a vehicle sighting: one sighting per person checked, breaches only where certain.</summary>
    public async Task<VehicleSightingRecorded> RecordVehicleAsync(
        Guid? personId, string registration, double? latitude, double? longitude, DateTimeOffset? at, string locationText, IReadOnlyList<Guid> with, string withDescription, string text, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var where = v.Optional("location_text", locationText, 500);
        var intelligence = v.Optional("text", text, 20_000);
        v.ThrowIfInvalid();
        var check = await CheckVehicleAsync(personId, registration, latitude, longitude, at, with, withDescription, cancellationToken);
        if (check.People.Count == 0)
            throw new RuleViolationException("NO_ONE_LINKED",
                $"No one on the system is linked to {RegistrationMark.Display(check.Registration)}: record the sighting against a person, or add the vehicle to their record first.");
        var when = at ?? clock.Now;
        var seen = with.Concat(personId is { } p ? [p] : []).ToHashSet();
        var sightings = new List<Sighting>();
        var opened = new List<Breach>();
        foreach (var person in check.People)
        {
            var id = person.Check.Person.Id;
            var sighting = new Sighting
            {
                PersonId = id, SeenAt = when, Latitude = latitude!.Value, Longitude = longitude!.Value, Location = where, AreaCode = check.Area?.Code,
                WithPersonIds = seen.Where(o => o != id).ToList(), Text = intelligence, ReportedBy = caller.Subject, ReportedByOfficerId = caller.OfficerId,
                Verdict = VerdictEnums.ToStored(person.Check.Verdict), VerdictReasons = Clip(string.Join(" ", person.Check.Findings.Select(f => f.Reason)), 4000),
                RecordedAt = clock.Now, Registration = check.Registration,
            };
            db.Sightings.Add(sighting);
            sightings.Add(sighting);
            foreach (var finding in person.Check.Findings.Where(f => f.Verdict == Verdict.Breach))
            {
                var breach = await breaches.RecordAsync(new BreachReport(
                    id, finding.Order.Id, finding.Condition.Id, when, latitude, longitude, where.Length > 0 ? where : check.Area?.Name ?? "",
                    BreachSource.Sighting, null, sighting.Id, $"Seen with vehicle {RegistrationMark.Display(check.Registration)}. {finding.Reason}"), cancellationToken);
                opened.Add(breach);
                sighting.BreachId ??= breach.Id;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new VehicleSightingRecorded(sightings, check, opened);
    }

    public async Task<(IReadOnlyList<Sighting> Sightings, string Next)> ListAsync(Guid personId, int requestedPageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var pageSize = Paging.PageSize(requestedPageSize);
        var after = Paging.Decode(pageToken, 1);
        var sightings = db.Sightings.AsNoTracking().Where(s => s.PersonId == personId);
        if (after is not null)
        {
            var last = Guid.TryParse(after[0], out var g) ? g : throw new ValidationException("page_token", "is not a page token this list returned");
            sightings = sightings.Where(s => s.Id.CompareTo(last) < 0);
        }
        var page = await sightings.OrderByDescending(s => s.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        return (page.Take(pageSize).ToList(), page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Id.ToString()) : "");
    }

    /// <summary>The follow-up tasks raised for breaches.</summary>
    public async Task<IReadOnlyList<string>> TaskIdsAsync(IReadOnlyList<Guid> breachIds, CancellationToken cancellationToken)
    {
        var keys = breachIds.Select(id => $"breach:{id}").ToList();
        return (await db.Tasks.AsNoTracking().Where(t => keys.Contains(t.SourceKey!)).Select(t => t.Id).ToListAsync(cancellationToken)).Select(id => id.ToString()).ToList();
    }

    /// <summary>Checks a point and a time; a time in the future (beyond a few days for planning) or over a year back is refused.</summary>
    private (double Lat, double Lon, DateTimeOffset When) CheckPlaceAndTime(double? latitude, double? longitude, DateTimeOffset? at, int allowFutureDays)
    {
        var v = new Validator();
        if (latitude is null || longitude is null) v.Add("point", "is required");
        else v.Coordinates("point", latitude.Value, longitude.Value);
        var when = at ?? clock.Now;
        if (when > clock.Now.AddDays(allowFutureDays).AddMinutes(5))
            v.Add("at", allowFutureDays == 0 ? "must not be in the future" : $"must be no more than {allowFutureDays} days ahead");
        if (when < clock.Now.AddDays(-MaxDaysBack)) v.Add("at", $"must be within the last {MaxDaysBack} days");
        v.ThrowIfInvalid();
        return (latitude!.Value, longitude!.Value, when);
    }

    private static string Summary(Person person, Verdict verdict, IReadOnlyList<Finding> findings) => verdict switch
    {
        Verdict.Breach => $"BREACH: {person.DisplayName} is breaching {string.Join("; ", findings.Where(f => f.Verdict == Verdict.Breach).Select(f => $"their {OrderTypeRules.For(f.Order.Type).ShortName}: {f.Reason}"))} Record the sighting and call the responsible officer.",
        Verdict.NotEnoughInformation => $"CHECK: not enough to say. {string.Join(" ", findings.Where(f => f.Verdict == Verdict.NotEnoughInformation).Select(f => f.Reason))}",
        _ when findings.Count == 0 => $"No breach: {person.DisplayName} has no order in force with conditions a sighting can breach.",
        _ => $"No breach: {string.Join(" ", findings.Select(f => f.Reason))}",
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
