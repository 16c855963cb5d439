using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Security;

public sealed record SignInResult(UserAccount Account, string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Local accounts: signing in (with lockout after repeated failures), creating and disabling.
/// A wrong username and a wrong password get the same answer, after the same hashing work, so
/// neither tells an attacker which accounts exist.
/// </summary>
public sealed class AccountService(
    OffenderMgmtDb db, IPasswordHasher<UserAccount> hasher, TokenIssuer tokens, IOptions<AuthOptions> options, ForceClock clock,
    AccountStatuses statuses, Hosting.WriteGate gate)
{
    public const int MinPasswordLength = 12;
    private const string WrongCredentials = "The username or password is wrong.";
    private static readonly UserAccount Nobody = new() { Username = "" };

    public async Task<SignInResult> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        // Sign-ins to one account at once (a service's instances starting together, a client
        // and a script) each update its row; the one that loses reads it again and is counted
        // on top, so every failure still counts towards lockout.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SignInOnceAsync(username, password, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 20)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<SignInResult> SignInOnceAsync(string username, string password, CancellationToken cancellationToken)
    {
        if (options.Value.IsExternal)
            throw new RuleViolationException("EXTERNAL_SIGN_IN", "Sign-in is handled by the force identity provider; use a token it issues.");
        var v = new Validator();
        var name = Normalise(v.Required("username", username, 100));
        if (string.IsNullOrEmpty(password)) v.Add("password", "is required");
        else if (password.Length > 1000) v.Add("password", "must be at most 1000 characters");
        v.ThrowIfInvalid();

        var now = clock.Now;
        var account = await db.UserAccounts.FirstOrDefaultAsync(a => a.Username == name, cancellationToken);
        if (account is null)
        {
            hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);  // same work as a real check
            throw new SignInRefusedException(WrongCredentials);
        }
        if (account.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            var local = clock.ToLocal(lockedUntil);
            throw new SignInRefusedException($"This account is locked after repeated failed sign-ins. Try again after {local:HH:mm}, or ask an administrator.");
        }
        if (account.Disabled) throw new SignInRefusedException("This account is disabled. Ask an administrator.", ErrorReason.AccountDisabled);

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            account.FailedSignIns++;
            if (account.FailedSignIns >= options.Value.MaxFailedSignIns)
            {
                account.LockedUntil = now + options.Value.LockoutDuration;
                account.FailedSignIns = 0;
            }
            await SaveInTurnAsync(cancellationToken);
            throw new SignInRefusedException(WrongCredentials);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = hasher.HashPassword(account, password);
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        account.LastSignInAt = now;
        await SaveInTurnAsync(cancellationToken);
        var (token, expires) = tokens.Issue(account);
        return new SignInResult(account, token, expires);
    }

    /// <summary>
    /// A sign-in's own update of the account row (its failure count, its last sign-in), in its
    /// turn with every other write. Sign-in commits by itself (its failures must stand when the
    /// call fails), outside any unit of work, and so once waited on SQLite's file lock instead:
    /// behind a long write holding the lock (the first housekeeping round at start on the
    /// national set) it gave up after the 30 s busy timeout with "database is locked". In its
    /// turn it waits, as every other write does, for as long as its caller's deadline allows.
    /// The password is checked before: the turn is held only for the update.
    /// </summary>
    private Task<int> SaveInTurnAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);

    /// <param name="scopes">For a service account, what it may do (<see cref="ServiceScopes"/>), space- or comma-separated; refused for other roles.</param>
    public async Task<UserAccount> CreateAsync(string username, string displayName, Role role, Guid? officerId, string password, CancellationToken cancellationToken,
        string scopes = "")
    {
        var v = new Validator();
        var name = Normalise(v.Required("username", username, 100));
        if (name.Length > 0 && !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            v.Add("username", "may hold only letters, digits, '.', '-' and '_'");
        if (password.Length < MinPasswordLength) v.Add("password", $"must be at least {MinPasswordLength} characters");
        v.Enum("role", role);
        var scopeSet = ServiceScopes.Parse(scopes, v);
        if (role != Role.Service && scopeSet.Count > 0) v.Add("scopes", "are only for service accounts");
        v.ThrowIfInvalid();
        if (await db.UserAccounts.AnyAsync(a => a.Username == name, cancellationToken))
            throw new AlreadyExistsException($"An account named '{name}' already exists.");
        if (officerId is { } id && !await db.Officers.AnyAsync(o => o.Id == id, cancellationToken))
            throw new NotFoundException("officer", id.ToString());
        var account = new UserAccount
        {
            Username = name, DisplayName = displayName.Trim().Length > 0 ? displayName.Trim() : name,
            Role = role, OfficerId = officerId, CreatedAt = clock.Now, Scopes = ServiceScopes.ToText(scopeSet),
        };
        account.PasswordHash = hasher.HashPassword(account, password);
        db.UserAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Someone else (an operator on another machine, another instance) stored the same name
            // between the check above and this insert: the unique index on Username decides, and
            // the loser is told plainly rather than with a driver's error (issue 15, rules as
            // constraints).
            db.Entry(account).State = EntityState.Detached;
            throw new AlreadyExistsException($"An account named '{name}' already exists.");
        }
        return account;
    }

    public async Task<UserAccount> SetDisabledAsync(string username, bool disabled, CancellationToken cancellationToken)
    {
        var name = Normalise(username);
        var account = await db.UserAccounts.FirstOrDefaultAsync(a => a.Username == name, cancellationToken)
                      ?? throw new NotFoundException("account", name);
        account.Disabled = disabled;
        if (!disabled)
        {
            account.LockedUntil = null;
            account.FailedSignIns = 0;
        }
        await db.SaveChangesAsync(cancellationToken);
        // Committed: the account's next call looks again.
        statuses.Forget(account.Id);
        return account;
    }

    /// <summary>
    /// Replaces a service account's scopes (issue 19: scopes can change after creation), with
    /// an audit entry in the same transaction naming who changed them, from what to what. The
    /// account's next call on this instance uses them; other instances see them within
    /// <see cref="AuthOptions.AccountStatusLifetime"/> (scopes are read from the account, not the token).
    /// </summary>
    public async Task<(UserAccount Account, string Before)> SetScopesAsync(string username, string scopes, string changedBy, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var scopeSet = ServiceScopes.Parse(scopes, v);
        v.ThrowIfInvalid();
        var name = Normalise(username);
        var (account, before) = await db.InTransactionAsync(async () =>
        {
            // In turn with every other write across instances, since the audit entry joins the chain.
            await Audit.AuditChainLock.TakeAsync(db, cancellationToken);
            var account = await db.UserAccounts.FirstOrDefaultAsync(a => a.Username == name, cancellationToken)
                          ?? throw new NotFoundException("account", name);
            if (account.Role != Role.Service)
                throw new RuleViolationException("SCOPES_FOR_SERVICES", $"'{name}' is a {account.Role.ToClaim()} account: scopes are only for service accounts.");
            var before = account.Scopes;
            account.Scopes = ServiceScopes.ToText(scopeSet);
            await Audit.AuditLog.AppendAsync(db, new Audit.AuditRecord(clock.Now, changedBy, null, Role.Admin.ToClaim(), "accounts scopes",
                Audit.AuditAction.Update, [account.Id.ToString()], "service account scopes changed",
                $"OK: scopes '{before}' -> '{account.Scopes}'"), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return (account, before);
        }, cancellationToken);
        // Committed: the account's next call looks again.
        statuses.Forget(account.Id);
        return (account, before);
    }

    public static string Normalise(string username) => username.Trim().ToLowerInvariant();

    // A real hash of a random password, so an unknown username costs the same as a known one.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<UserAccount>().HashPassword(Nobody, Guid.NewGuid().ToString()));
}

/// <summary>Sign-in refused: UNAUTHENTICATED.</summary>
public sealed class SignInRefusedException(string message, ErrorReason reason = ErrorReason.SignInRefused) : UnauthenticatedException(message, reason);
