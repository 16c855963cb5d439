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
        // Sexual Offences Act 2003 s.85: an RSO re-notifies at least once a year, so a force may ask more often but not less.
        check.Range(nameof(options.RsoNotificationMonths), options.RsoNotificationMonths, 1, 12);
        // Sexual Offences Act 2003 s.84(1): a change of name or address is notified within 3 days.
        check.Range(nameof(options.ChangeOfDetailsDays), options.ChangeOfDetailsDays, 1, 3);
        check.Range(nameof(options.CurfewCheckDays), options.CurfewCheckDays, 1, 365);
        check.Range(nameof(options.NoAccessRetryDays), options.NoAccessRetryDays, 1, 90);
        check.Range(nameof(options.MaxDaysEarly), options.MaxDaysEarly, 0, 365);
    }
}
