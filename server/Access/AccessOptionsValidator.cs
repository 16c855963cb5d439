using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Access;

/// <summary>Checks the "Access" settings when the server starts.</summary>
public sealed class AccessOptionsValidator() : SettingsValidator<AccessOptions>("Access")
{
    protected override void Check(AccessOptions options, SettingChecks check)
    {
        check.Range(nameof(options.MaxGrantDays), options.MaxGrantDays, 1, 366);
        check.Range(nameof(options.MaxPeoplePerGrant), options.MaxPeoplePerGrant, 1, AccessOptions.PeopleLimit);
    }
}
