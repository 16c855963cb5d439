namespace OffenderMgmt.Server.Security;

/// <summary>Sign-in and token settings (section "Auth").</summary>
public sealed class AuthOptions
{
    /// <summary>
    /// "Local": the server signs its own tokens for local accounts. "External": tokens come from
    /// the force identity provider at <see cref="Authority"/>; local sign-in is switched off.
    /// </summary>
    public string Mode { get; set; } = "Local";

    public string Issuer { get; set; } = "offendermgmt";
    public string Audience { get; set; } = "offendermgmt";

    /// <summary>
    /// Base64 HMAC-SHA256 key (32 bytes or more) for local tokens. Empty: a random key is made
    /// once and kept in the data directory (signing-key), readable by the server's user only.
    /// </summary>
    public string SigningKey { get; set; } = "";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins in a row before the account locks.</summary>
    public int MaxFailedSignIns { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Per-account sign-in attempts allowed a minute (whatever the outcome).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
    /// <summary>Per-caller searches allowed a minute.</summary>
    public int SearchesPerMinute { get; set; } = 120;

    /// <summary>
    /// How long a call may rely on the remembered "this account is enabled" answer. Disabling an
    /// account through the server forgets it at once; this bounds how long a change made behind
    /// the server's back (the admin command is another process) takes to be seen.
    /// </summary>
    public TimeSpan AccountStatusLifetime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many validated tokens the server remembers (until each expires), so a repeat call
    /// does no signature check. When full, expired ones are dropped, then all.
    /// </summary>
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    // External identity provider
    public string Authority { get; set; } = "";
    /// <summary>The claim carrying the OffenderMgmt role name (e.g. "roles").</summary>
    public string RoleClaim { get; set; } = "role";
    /// <summary>The claim carrying the officer's collar number, to tie a token to an officer.</summary>
    public string CollarNumberClaim { get; set; } = "collar_number";
    /// <summary>The claim carrying a service's scopes (space-separated, or an array); "scope" and "scp" are read as well.</summary>
    public string ScopeClaim { get; set; } = "scope";

    public bool IsExternal => string.Equals(Mode, "External", StringComparison.OrdinalIgnoreCase);
}
