using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Caseload;

/// <summary>Checks the "Workload" settings when the server starts.</summary>
public sealed class WorkloadOptionsValidator() : SettingsValidator<WorkloadOptions>("Workload")
{
    protected override void Check(WorkloadOptions options, SettingChecks check)
    {
        check.Range(nameof(options.FullTimeHours), options.FullTimeHours, 1, 60);
        check.Range(nameof(options.CapacityPointsFullTime), options.CapacityPointsFullTime, 1, 10_000);
        check.Range(nameof(options.ExcessiveThresholdPercent), options.ExcessiveThresholdPercent, 50, 500);
        check.Range(nameof(options.ExcessiveWeeks), options.ExcessiveWeeks, 1, 52);
        check.Range(nameof(options.PendingReleaseDays), options.PendingReleaseDays, 0, 365);
        foreach (var date in options.Weights.GroupBy(w => w.EffectiveFrom).Where(g => g.Count() > 1).Select(g => g.Key))
            check.Fail("Weights", $"has more than one set taking effect on {IsoDate.Format(date)}");
        for (var i = 0; i < options.Weights.Count; i++)
        {
            var w = options.Weights[i];
            var at = $"Weights:{i}";
            foreach (var (key, points) in w.Vsomt) check.Range($"{at}:Vsomt:{key}", points, 0, 100);
            foreach (var (key, points) in w.Iom) check.Range($"{at}:Iom:{key}", points, 0, 100);
            foreach (var (key, points) in w.Orders) check.Range($"{at}:Orders:{key}", points, 0, 100);
            check.Range($"{at}:SocLifetime", w.SocLifetime, 0, 100);
            check.Range($"{at}:OpenBreach", w.OpenBreach, 0, 100);
            check.Range($"{at}:PendingRelease", w.PendingRelease, 0, 100);
        }
    }
}
