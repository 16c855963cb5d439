using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Retention;

/// <summary>Checks the "Retention" settings when the server starts.</summary>
public sealed class RetentionOptionsValidator() : SettingsValidator<RetentionOptions>("Retention")
{
    protected override void Check(RetentionOptions options, SettingChecks check)
    {
        check.Range(nameof(options.PublicProtectionYears), options.PublicProtectionYears, 1, 100);
        check.Range(nameof(options.SeriousOffendingYears), options.SeriousOffendingYears, 1, 100);
        check.Range(nameof(options.OtherOffendingYears), options.OtherOffendingYears, 1, 100);
        check.Range(nameof(options.UndetectedYears), options.UndetectedYears, 1, 100);
        check.Range(nameof(options.MaxRetainYears), options.MaxRetainYears, 1, 100);
        // MoPI: public protection records are kept and reviewed on the longest schedule.
        var longestOther = Math.Max(options.SeriousOffendingYears, Math.Max(options.OtherOffendingYears, options.UndetectedYears));
        if (options.PublicProtectionYears < longestOther)
            check.Fail(nameof(options.PublicProtectionYears), $"must be at least the longest other group's schedule ({longestOther} years): MoPI keeps public protection records longest");
        foreach (var (kind, years) in options.KindYears)
        {
            check.Range($"{nameof(options.KindYears)}:{kind}", years, 1, 100);
            if (years > options.PublicProtectionYears)
                check.Fail($"{nameof(options.KindYears)}:{kind}", $"must be at most PublicProtectionYears ({options.PublicProtectionYears}): MoPI keeps public protection records longest");
        }
    }
}
