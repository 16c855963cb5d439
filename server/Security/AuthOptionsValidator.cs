using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Security;

/// <summary>Checks the "Auth" settings when the server starts.</summary>
public sealed class AuthOptionsValidator() : SettingsValidator<AuthOptions>("Auth")
{
    protected override void Check(AuthOptions options, SettingChecks check)
    {
        if (!options.IsExternal && !string.Equals(options.Mode, "Local", StringComparison.OrdinalIgnoreCase))
            check.Fail(nameof(options.Mode), $"must be Local or External (got '{Validator.Truncate(options.Mode)}')");
        check.Required(nameof(options.Issuer), options.Issuer);
        check.Required(nameof(options.Audience), options.Audience);
        if (options.SigningKey.Length > 0)
        {
            var key = new byte[options.SigningKey.Length];
            if (!Convert.TryFromBase64String(options.SigningKey, key, out var length) || length < 32)
                check.Fail(nameof(options.SigningKey), "must be empty (a key is made in the data directory) or base64 of 32 bytes or more");
        }
        check.Range(nameof(options.TokenLifetime), options.TokenLifetime, TimeSpan.FromMinutes(5), TimeSpan.FromDays(1));
        check.Range(nameof(options.MaxFailedSignIns), options.MaxFailedSignIns, 1, 100);
        check.Range(nameof(options.LockoutDuration), options.LockoutDuration, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        check.Range(nameof(options.SignInAttemptsPerMinute), options.SignInAttemptsPerMinute, 1, 1_000_000);
        check.Range(nameof(options.SearchesPerMinute), options.SearchesPerMinute, 1, 1_000_000);
        check.Range(nameof(options.ValidatedTokenCacheSize), options.ValidatedTokenCacheSize, 1, 10_000_000);
        if (options.IsExternal)
        {
            if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
                check.Fail(nameof(options.Authority), $"must be the https address of the force identity provider when Auth:Mode is External (got '{Validator.Truncate(options.Authority)}')");
            check.Required(nameof(options.RoleClaim), options.RoleClaim);
        }
    }
}
