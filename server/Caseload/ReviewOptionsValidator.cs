using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Caseload;

/// <summary>Checks the "Reviews" settings when the server starts.</summary>
public sealed class ReviewOptionsValidator() : SettingsValidator<ReviewOptions>("Reviews")
{
    protected override void Check(ReviewOptions options, SettingChecks check)
    {
        check.Range(nameof(options.VsomtMonths), options.VsomtMonths, 1, 24);
        check.Range(nameof(options.IomMonths), options.IomMonths, 1, 24);
        check.Range(nameof(options.SocLifetimeMonths), options.SocLifetimeMonths, 1, 24);
        check.Range(nameof(options.RaiseTaskDaysAhead), options.RaiseTaskDaysAhead, 0, 90);
        check.Range(nameof(options.PreReleaseReviewDays), options.PreReleaseReviewDays, 0, 180);
    }
}
