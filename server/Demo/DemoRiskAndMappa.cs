using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Mappa;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Demo;

/// <summary>Builds the demo's risk assessments, plans and MAPPA meetings from the demo force and saves them (issue 17).</summary>
internal static class DemoRiskAndMappa
{
    public static async Task SaveAsync(OffenderMgmtDb db, DemoForce force, int seed, ForceClock clock, CancellationToken cancellationToken)
    {
        // A stream of its own, so the rest of the demo is as it was.
        var random = new DemoRandom(seed + 17);
        var risk = new DemoRisk(random, clock.Today, clock.Now, force).Build();
        var mappa = new DemoMappa(random, clock.Today, clock.Now, force).Build();
        db.RiskAssessments.AddRange(risk.Assessments);
        db.RiskPlans.AddRange(risk.Plans);
        db.MappaMeetings.AddRange(mappa.Meetings);
        await db.SaveChangesAsync(cancellationToken);
        db.MappaMeetingCases.AddRange(mappa.Cases);
        db.MappaActions.AddRange(mappa.Actions);
        db.MappaReferrals.AddRange(mappa.Referrals);
        db.PartnerAgencyAccounts.Add(new PartnerAgencyAccount { Username = "demo.partner", Agency = DemoMappa.PartnerAgency });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
