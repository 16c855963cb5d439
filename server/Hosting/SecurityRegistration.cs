using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Hosting;

public static class SecurityRegistration
{
    /// <summary>
    /// Sign-in, token validation by ASP.NET Core's JWT bearer handler (local keys, or the force
    /// identity provider by configuration), and the per-call caller, audit and disclosure.
    /// Options are read when first needed, so every configuration source has been applied.
    /// </summary>
    public static IServiceCollection AddOffenderMgmtSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp =>
        {
            var auth = sp.GetRequiredService<IOptions<AuthOptions>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var demo = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
            return SigningKey.Resolve(auth, storage.ResolveDirectory(demo.Enabled));
        });
        services.AddSingleton(sp => new TokenIssuer(
            sp.GetRequiredService<SymmetricSecurityKey>(), sp.GetRequiredService<IOptions<AuthOptions>>().Value, sp.GetRequiredService<ForceClock>()));
        services.AddSingleton(sp => ValidatedTokens.OverJsonWebTokens(
            sp.GetRequiredService<ForceClock>(), sp.GetRequiredService<IOptions<AuthOptions>>().Value.ValidatedTokenCacheSize));
        services.AddSingleton<RememberedSignIn>();
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<RateLimits>();
        services.AddScoped<AccountService>();
        services.AddSingleton<CallerIdentities>();
        services.AddScoped<Caller>();
        services.AddScoped<CallAudit>();
        services.AddScoped<DisclosurePolicy>();
        services.AddScoped<Access.AnalystGrants>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IServiceProvider>((jwt, sp) =>
            {
                var auth = sp.GetRequiredService<IOptions<AuthOptions>>().Value;
                jwt.MapInboundClaims = false;
                // Nothing reads the token back from the authentication properties, and saving it
                // there (the default) costs every call a dictionary and two strings.
                jwt.SaveToken = false;
                // A token validated once is remembered until it expires (ValidatedTokens).
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(sp.GetRequiredService<ValidatedTokens>());
                if (auth.IsExternal)
                {
                    jwt.Authority = auth.Authority;
                    jwt.Audience = auth.Audience;
                    jwt.TokenValidationParameters.NameClaimType = "name";
                    jwt.TokenValidationParameters.RoleClaimType = auth.RoleClaim;
                    return;
                }
                var clock = sp.GetRequiredService<ForceClock>();
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    IssuerSigningKey = sp.GetRequiredService<SymmetricSecurityKey>(),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = "name",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                    // Expiry by the server's clock (injected, so tests can move time on).
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = clock.Now.UtcDateTime;
                        if (notBefore is { } nbf && now + parameters.ClockSkew < nbf) return false;
                        if (expires is { } exp && now - parameters.ClockSkew >= exp)
                            throw new SecurityTokenExpiredException("The token has expired.") { Expires = exp };
                        return expires is not null;
                    },
                };
            });
        // No AddAuthorization: access is decided per RPC by the call pipeline, and with
        // authorization registered WebApplication adds its middleware to every request for nothing.
        return services;
    }
}
