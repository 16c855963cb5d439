using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Security;

/// <summary>
/// Who is making the current call and why (scoped to the call). Filled in by the
/// accountability interceptor from the validated token and the purpose header; application
/// code asks it, never the transport.
/// </summary>
public sealed class Caller(OffenderMgmtDb db)
{
    private Guid? _teamId;
    private bool _teamLoaded;

    public bool IsAuthenticated { get; private set; }
    public string Subject { get; private set; } = "anonymous";
    public Role? Role { get; private set; }
    public Guid? OfficerId { get; private set; }
    public AccessPurpose Purpose { get; private set; } = AccessPurpose.None;
    /// <summary>A service account's scopes (<see cref="ServiceScopes"/>); empty for people.</summary>
    public IReadOnlySet<string> Scopes { get; private set; } = new HashSet<string>();

    public void SignedIn(string subject, Role role, Guid? officerId, IReadOnlySet<string>? scopes = null)
    {
        IsAuthenticated = true;
        Subject = subject;
        Role = role;
        OfficerId = officerId;
        Scopes = scopes ?? new HashSet<string>();
    }

    public bool HasScope(string scope) => Scopes.Contains(scope);

    public void States(AccessPurpose purpose) => Purpose = purpose;

    /// <summary>Names who is trying to sign in, so the attempt is audited under that name.</summary>
    public void Attempting(string subject) => Subject = subject;

    /// <summary>The team of the caller's officer, if the caller is an officer.</summary>
    public async Task<Guid?> TeamIdAsync(CancellationToken cancellationToken)
    {
        if (_teamLoaded) return _teamId;
        _teamId = OfficerId is { } officer
            ? await db.Officers.Where(o => o.Id == officer).Select(o => (Guid?)o.TeamId).FirstOrDefaultAsync(cancellationToken)
            : null;
        _teamLoaded = true;
        return _teamId;
    }

    public bool Is(params Role[] roles) => Role is { } role && roles.Contains(role);

    /// <summary>Has one of these roles (no array made per call, unlike <see cref="Is"/>).</summary>
    public bool IsAny(IReadOnlySet<Role> roles) => Role is { } role && roles.Contains(role);
}
