using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Reports;

/// <summary>Checks the "Reports" settings when the server starts.</summary>
public sealed class ReportOptionsValidator() : SettingsValidator<ReportOptions>("Reports")
{
    protected override void Check(ReportOptions options, SettingChecks check)
    {
        // 1 would switch suppression off: a published table must never do that.
        check.Range(nameof(options.SmallNumberThreshold), options.SmallNumberThreshold, 2, 100);
        check.Range(nameof(options.DefaultMonths), options.DefaultMonths, 1, 36);
        check.Range(nameof(options.MaxMonths), options.MaxMonths, 1, 120);
        check.Range(nameof(options.IomWindowMonths), options.IomWindowMonths, 1, 24);
        if (options.DefaultMonths > options.MaxMonths)
            check.Fail(nameof(options.DefaultMonths), $"must not be more than Reports:MaxMonths ({options.MaxMonths})");
    }
}
