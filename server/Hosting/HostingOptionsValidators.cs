using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Hosting;

/// <summary>Checks the "Storage" settings when the server starts.</summary>
public sealed class StorageOptionsValidator() : SettingsValidator<StorageOptions>("Storage")
{
    protected override void Check(StorageOptions options, SettingChecks check)
    {
        check.Required(nameof(options.DatabaseFileName), options.DatabaseFileName);
        if (options.DatabaseFileName.IndexOfAny(['/', '\\']) >= 0 || options.DatabaseFileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            check.Fail(nameof(options.DatabaseFileName), $"must be a file name without a folder (got '{Validator.Truncate(options.DatabaseFileName)}'); set Storage:DataDirectory for the folder");
        if (options.DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            check.Fail(nameof(options.DataDirectory), "is not a valid path");
        if (options.ConnectionString is { } connection && string.IsNullOrWhiteSpace(connection))
            check.Fail(nameof(options.ConnectionString), "must not be blank (leave it out to use Storage:DataDirectory)");
        if (options.MultiInstance && options.Provider != StorageProvider.Postgres)
            check.Fail(nameof(options.MultiInstance), "needs Storage:Provider Postgres: a SQLite file serves one instance");
    }
}

/// <summary>Checks the "Force" settings when the server starts.</summary>
public sealed class ForceOptionsValidator() : SettingsValidator<ForceOptions>("Force")
{
    protected override void Check(ForceOptions options, SettingChecks check)
    {
        check.Required(nameof(options.Name), options.Name);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
            check.Fail(nameof(options.TimeZone), $"must be an IANA time zone such as Europe/London (got '{Validator.Truncate(options.TimeZone ?? "")}')");
    }
}

/// <summary>Checks the "Demo" settings when the server starts.</summary>
public sealed class DemoOptionsValidator() : SettingsValidator<DemoOptions>("Demo")
{
    protected override void Check(DemoOptions options, SettingChecks check)
    {
        if (options.Enabled && (options.Password ?? "").Length < 8)
            check.Fail(nameof(options.Password), "must be at least 8 characters when the demo is enabled");
    }
}
