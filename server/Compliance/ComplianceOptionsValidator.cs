using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Compliance;

/// <summary>Checks the "Compliance" settings when the server starts.</summary>
public sealed class ComplianceOptionsValidator() : SettingsValidator<ComplianceOptions>("Compliance")
{
    protected override void Check(ComplianceOptions options, SettingChecks check)
    {
        foreach (var risk in new[] { RiskLevel.VeryHigh, RiskLevel.High, RiskLevel.Medium, RiskLevel.Low })
        {
            if (!options.RsoHomeVisitMonths.TryGetValue(risk, out var months)) check.Fail($"RsoHomeVisitMonths:{risk}", "must be set");
            else check.Range($"RsoHomeVisitMonths:{risk}", months, 1, 24);
        }
        check.Range(nameof(options.CurfewCheckDays), options.CurfewCheckDays, 1, 365);
        check.Range(nameof(options.NoAccessRetryDays), options.NoAccessRetryDays, 1, 90);
        check.Range(nameof(options.MaxDaysEarly), options.MaxDaysEarly, 0, 365);
    }
}
