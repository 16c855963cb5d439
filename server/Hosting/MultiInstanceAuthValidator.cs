using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// One identity across instances: with <c>Storage:MultiInstance</c>, every instance must accept
/// every other's tokens, so a key generated per instance (in its own data directory) is refused
/// at start. Configure the same <c>Auth:SigningKey</c> on all of them, or use the force
/// identity provider (<c>Auth:Mode=External</c>).
/// </summary>
public sealed class MultiInstanceAuthValidator(IOptions<StorageOptions> storage) : SettingsValidator<AuthOptions>("Auth")
{
    protected override void Check(AuthOptions options, SettingChecks check)
    {
        if (storage.Value.MultiInstance && !options.IsExternal && string.IsNullOrWhiteSpace(options.SigningKey))
            check.Fail(nameof(options.SigningKey), "must be set, the same on every instance, when Storage:MultiInstance is true (a key made in each instance's data directory would make each refuse the others' tokens); or use Auth:Mode External");
    }
}
