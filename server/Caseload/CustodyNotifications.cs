using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Tasks;

namespace OffenderMgmt.Server.Caseload;

/// <summary>
/// What other services tell us: a pending release from custody (a pre-release review for the
/// responsible officer and, for organised criminals, a prompt to consider ancillary orders),
/// and a charge in a serious crime case (consider an SCPO at the point of charge). Each raises
/// its tasks once, however often it is reported.
/// </summary>
public sealed class CustodyNotifications(OffenderMgmtDb db, TaskBoard tasks, IOptions<ReviewOptions> reviews, Areas.AreaIndexHolder areas, ForceClock clock)
{
    public async Task<IReadOnlyList<WorkTask>> ReleaseAsync(Guid personId, DateOnly releaseOn, string establishment, CancellationToken cancellationToken,
        string releaseAddress = "", (double Latitude, double Longitude)? releaseLocation = null)
    {
        var v = new Validator();
        var prison = v.Optional("establishment", establishment, 200);
        var address = v.Optional("release_address", releaseAddress, 500);
        if (releaseLocation is { } point) v.Coordinates("release_location", point.Latitude, point.Longitude);
        if (releaseOn < clock.Today.AddDays(-7)) v.Add("expected_release_date", "is more than a week ago; record the release instead");
        if (releaseOn > clock.Today.AddYears(30)) v.Add("expected_release_date", "is implausibly far ahead");
        v.ThrowIfInvalid();
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken)
                     ?? throw new NotFoundException("person", personId.ToString(), "person_id");
        person.CustodyStatus = CustodyStatus.InCustody;
        person.ExpectedReleaseDate = releaseOn;
        person.UpdatedAt = clock.Now;

        var managements = await db.Managements.Where(m => m.PersonId == personId && m.Status == ManagementStatus.Active).ToListAsync(cancellationToken);
        var raised = new List<WorkTask>();
        var reviewBy = releaseOn.AddDays(-reviews.Value.PreReleaseReviewDays);
        if (reviewBy < clock.Today) reviewBy = clock.Today;
        foreach (var management in managements)
        {
            raised.Add(await tasks.RaiseAsync(new TaskRequest(TaskKind.PendingReleaseReview, "Pre-release review",
                $"Release expected {releaseOn:yyyy-MM-dd}{(prison.Length > 0 ? $" from {prison}" : "")}: review risk, licence conditions and the release address.",
                management.ResponsibleOfficerId, management.ResponsibleOfficerId is null ? management.OwningTeamId : null, reviewBy,
                $"release:{personId}:{releaseOn:yyyy-MM-dd}:{management.Id}", PersonId: personId, ManagementId: management.Id), cancellationToken));
        }
        var ocg = managements.FirstOrDefault(m => m.Scheme == Scheme.SocLifetime) ??
                  managements.FirstOrDefault(m => m.IomCategories.HasFlag(IomCategories.OcgMember));
        if (ocg is not null)
        {
            var soc = managements.FirstOrDefault(m => m.Scheme == Scheme.SocLifetime);
            var socTeam = soc?.OwningTeamId ?? await db.Teams.Where(t => t.Kind == TeamKind.SeriousOrganisedCrime).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken) ?? ocg.OwningTeamId;
            raised.Add(await tasks.RaiseAsync(new TaskRequest(TaskKind.ConsiderAncillaryOrders, "Consider ancillary orders before release",
                $"Organised crime group member due out {releaseOn:yyyy-MM-dd}: consider an SCPO or other ancillary order, and lifetime management on release.",
                soc?.ResponsibleOfficerId, soc?.ResponsibleOfficerId is null ? socTeam : null, reviewBy,
                $"release-ocg:{personId}:{releaseOn:yyyy-MM-dd}", PersonId: personId, ManagementId: ocg.Id), cancellationToken));
        }
        // Local officers where they will live hear that someone managed is coming out.
        var area = releaseLocation is { } at ? areas.Current.Classify(at.Latitude, at.Longitude)?.Code : person.Address?.AreaCode;
        if (managements.Count > 0)
            Alerts.AlertFeed.Raise(db, clock, Alerts.AlertKind.ReleaseIntoArea, [area], personId, managements.Select(m => m.ResponsibleOfficerId).FirstOrDefault(m => m is not null), null, null,
                $"Release expected {releaseOn:yyyy-MM-dd}{(address.Length > 0 ? $" to {address}" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return raised;
    }

    public async Task<IReadOnlyList<WorkTask>> ChargeAsync(
        Guid personId, string caseReference, string offence, bool seriousCrime, DateOnly chargedOn, Guid? investigatingOfficer, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var reference = v.Required("case_reference", caseReference, 100);
        var what = v.Required("offence", offence, 500);
        if (chargedOn > clock.Today) v.Add("charged_on", "must not be in the future");
        v.ThrowIfInvalid();
        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
            throw new NotFoundException("person", personId.ToString(), "person_id");
        if (investigatingOfficer is { } io && !await db.Officers.AnyAsync(o => o.Id == io, cancellationToken))
            throw new NotFoundException("officer", io.ToString(), "investigating_officer_id");
        if (!seriousCrime) return [];

        var socTeam = await db.Teams.Where(t => t.Kind == TeamKind.SeriousOrganisedCrime).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken)
                      ?? throw new RuleViolationException("NO_SOC_TEAM", "There is no serious and organised crime team to consider an SCPO.");
        var task = await tasks.RaiseAsync(new TaskRequest(TaskKind.ConsiderScpo, "Consider an SCPO at charge",
            $"Charged {chargedOn:yyyy-MM-dd} with {what} ({reference}): consider applying for a serious crime prevention order on conviction.",
            investigatingOfficer, investigatingOfficer is null ? socTeam : null, chargedOn.AddDays(28),
            $"charge:{reference}:{personId}", PersonId: personId), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return [task];
    }
}
