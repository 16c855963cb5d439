using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Hosting;

/// <summary>Checks the "Storage" settings when the server starts.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var check = new SettingChecks("Storage");
        check.Required(nameof(options.DatabaseFileName), options.DatabaseFileName);
        if (options.DatabaseFileName.IndexOfAny(['/', '\\']) >= 0 || options.DatabaseFileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            check.Fail(nameof(options.DatabaseFileName), $"must be a file name without a folder (got '{Validator.Truncate(options.DatabaseFileName)}'); set Storage:DataDirectory for the folder");
        if (options.DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            check.Fail(nameof(options.DataDirectory), "is not a valid path");
        if (options.ConnectionString is { } connection && string.IsNullOrWhiteSpace(connection))
            check.Fail(nameof(options.ConnectionString), "must not be blank (leave it out to use Storage:DataDirectory)");
        return check.Result();
    }
}

/// <summary>Checks the "Force" settings when the server starts.</summary>
public sealed class ForceOptionsValidator : IValidateOptions<ForceOptions>
{
    public ValidateOptionsResult Validate(string? name, ForceOptions options)
    {
        var check = new SettingChecks("Force");
        check.Required(nameof(options.Name), options.Name);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
            check.Fail(nameof(options.TimeZone), $"must be an IANA time zone such as Europe/London (got '{Validator.Truncate(options.TimeZone ?? "")}')");
        return check.Result();
    }
}

/// <summary>Checks the "Demo" settings when the server starts.</summary>
public sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var check = new SettingChecks("Demo");
        if (options.Enabled && (options.Password ?? "").Length < 8)
            check.Fail(nameof(options.Password), "must be at least 8 characters when the demo is enabled");
        return check.Result();
    }
}
