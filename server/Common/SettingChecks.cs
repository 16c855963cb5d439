using System.Globalization;
using Microsoft.Extensions.Options;

namespace OffenderMgmt.Server.Common;

/// <summary>
/// Collects what is wrong with one configuration section, each problem naming the setting as
/// it is written in appsettings.json (e.g. "Workload:CapacityPointsFullTime"), for the options
/// validators that run when the server starts.
/// </summary>
public sealed class SettingChecks(string section)
{
    private readonly List<string> _problems = [];

    public string Name(string setting) => $"{section}:{setting}";

    public void Fail(string setting, string problem) => _problems.Add($"{Name(setting)} {problem}");

    public void Range(string setting, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
            Fail(setting, $"must be from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} (got {value.ToString(CultureInfo.InvariantCulture)})");
    }

    public void Range(string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
            Fail(setting, $"must be from {min:c} to {max:c} (got {value:c})");
    }

    public void Required(string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Fail(setting, "must be set");
    }

    public ValidateOptionsResult Result() => _problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_problems);
}

/// <summary>An options validator for one configuration section: subclasses say what to check.</summary>
public abstract class SettingsValidator<TOptions>(string section) : IValidateOptions<TOptions> where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var check = new SettingChecks(section);
        Check(options, check);
        return check.Result();
    }

    protected abstract void Check(TOptions options, SettingChecks check);
}
