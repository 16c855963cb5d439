using Microsoft.Extensions.Options;

namespace OffenderMgmt.Server.Security;

/// <summary>
/// Authentication of each request. A local bearer token this server has validated before
/// (<see cref="ValidatedTokens.Remembered"/>) signs the caller in from memory; any other request
/// (no token, a token not yet seen or no longer remembered, or a token from the force identity
/// provider, whose keys are refreshed) goes through ASP.NET Core's authentication middleware and
/// the JWT bearer handler, exactly as before. Skipping the handler for a repeat token saves every
/// call its handler, its token validation parameters' copy, its contexts and its ticket
/// (docs/benchmarks.md, "What the host costs"). Whether the account is still enabled is checked
/// on every call either way, by the identity part of the call pipeline.
/// </summary>
public sealed class RememberedSignIn(ValidatedTokens tokens, IOptions<AuthOptions> options)
{
    private const string Scheme = "Bearer ";

    /// <summary>Signs the caller in when the request's token is remembered; false when the handler must see it.</summary>
    public bool TrySignIn(HttpContext context)
    {
        if (options.Value.IsExternal) return false;
        // As the JWT bearer handler reads it: one "Bearer " value, the scheme in any case, the token trimmed.
        var header = context.Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return false;
        if (tokens.Remembered(value.AsSpan(Scheme.Length).Trim()) is not { } identity) return false;
        context.User = new System.Security.Claims.ClaimsPrincipal(identity);
        return true;
    }
}

public static class RememberedSignInRegistration
{
    /// <summary>ASP.NET Core's AuthAppBuilderExtensions.AuthenticationMiddlewareSetKey (internal there).</summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>In place of UseAuthentication: remembered tokens from memory, the rest through the authentication middleware.</summary>
    public static IApplicationBuilder UseOffenderMgmtAuthentication(this IApplicationBuilder app)
    {
        // Resolved at the first request, not now: building the pipeline must not build the
        // services (a bad setting is reported by ConfigurationFailure when the host starts).
        RememberedSignIn? remembered = null;
        // WebApplication puts UseAuthentication at the start of the pipeline unless the app has
        // added it, which it knows by this key (set by UseAuthentication, here on the branch's
        // own copy of the properties only). Without it every call would go through the handler
        // first and then here (HostPerCallTests checks that a repeat call does not reach it).
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app.UseWhen(context => !(remembered ??= context.RequestServices.GetRequiredService<RememberedSignIn>()).TrySignIn(context),
            handler => handler.UseAuthentication());
    }
}
