using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Access;

public sealed record NewAnalystGrant(string Analyst, IReadOnlyList<Guid> People, string Purpose, string Reason, int Days);

public sealed record AnalystGrantQuery(string? Analyst, bool IncludeEnded, int PageSize, string? PageToken);

/// <summary>An analyst a grant may name: sign-in name and display name, nothing else of the account.</summary>
public sealed record AnalystAccount(string Username, string DisplayName);

/// <summary>
/// Analysts' access to named people (issue 19): supervisors grant, list and revoke; analysts
/// list their own; <see cref="DisclosurePolicy"/> asks <see cref="CoveredAsync"/> on every
/// person-level read an analyst makes. Every call is audited by the pipeline like any other.
/// </summary>
public sealed class AnalystGrants(OffenderMgmtDb db, Caller caller, IOptions<AccessOptions> options, IOptions<AuthOptions> auth, ForceClock clock)
{
    public const int MinPurposeLength = 5;
    public const int MaxPurposeLength = 200;
    public const int MaxReasonLength = AccessPurpose.MaxReasonLength;

    public async Task<AnalystGrant> GrantAsync(NewAnalystGrant request, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var v = new Validator();
        var analyst = AccountService.Normalise(v.Required("analyst", request.Analyst, 100));
        var purpose = v.Required("purpose", request.Purpose, MaxPurposeLength);
        if (purpose.Length is > 0 and < MinPurposeLength) v.Add("purpose", $"must say what the analysis is for, in at least {MinPurposeLength} characters");
        var reason = v.Required("reason", request.Reason, MaxReasonLength);
        if (reason.Length is > 0 and < AccessPurpose.MinReasonLength) v.Add("reason", $"must say why these people, in at least {AccessPurpose.MinReasonLength} characters");
        if (request.People.Count == 0) v.Add("person_ids", "name at least one person");
        v.Count("person_ids", request.People.Count, limits.MaxPeoplePerGrant);
        if (request.Days < 1 || request.Days > limits.MaxGrantDays) v.Add("days", $"must be between 1 and {limits.MaxGrantDays} (Access:MaxGrantDays)");
        v.ThrowIfInvalid();

        if (!auth.Value.IsExternal)
        {
            var role = await db.UserAccounts.Where(a => a.Username == analyst).Select(a => (Role?)a.Role).FirstOrDefaultAsync(cancellationToken)
                       ?? throw new NotFoundException("account", analyst, "analyst");
            if (role != Role.Analyst) throw new RuleViolationException("NOT_ANALYST_ACCOUNT", $"'{analyst}' is not an analyst's account; grants are for analysts.");
        }
        var people = request.People.Distinct().ToList();
        var known = await db.People.Where(p => people.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (people.Except(known).FirstOrDefault() is var missing && missing != Guid.Empty)
            throw new NotFoundException("person", missing.ToString(), $"person_ids[{request.People.ToList().IndexOf(missing)}]");

        var now = clock.Now;
        var grant = new AnalystGrant
        {
            Analyst = analyst, Purpose = purpose, Reason = reason, GrantedBy = caller.Subject, GrantedAt = now, ExpiresAt = now.AddDays(request.Days),
            People = people.Select(p => new AnalystGrantPerson { PersonId = p }).ToList(),
        };
        db.AnalystGrants.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        return grant;
    }

    public async Task<AnalystGrant> RevokeAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var why = v.Required("reason", reason, MaxReasonLength);
        v.ThrowIfInvalid();
        var grant = await db.AnalystGrants.Include(g => g.People).FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
                    ?? throw new NotFoundException("grant", id.ToString(), "id");
        if (grant.RevokedAt is not null) throw new RuleViolationException("GRANT_REVOKED", "This grant has already been revoked.");
        grant.RevokedAt = clock.Now;
        grant.RevokedBy = caller.Subject;
        grant.RevokedReason = why;
        await db.SaveChangesAsync(cancellationToken);
        return grant;
    }

    /// <summary>
    /// The enabled analysts' accounts a grant may name, by display name (at most
    /// <see cref="AccessOptions.MaxAnalystsListed"/>). None with an external identity provider:
    /// its accounts are not held here, and the grant is checked against its tokens instead.
    /// </summary>
    public async Task<IReadOnlyList<AnalystAccount>> AnalystsAsync(CancellationToken cancellationToken)
    {
        if (auth.Value.IsExternal) return [];
        var accounts = await db.UserAccounts.AsNoTracking().Where(a => a.Role == Role.Analyst && !a.Disabled)
            .OrderBy(a => a.Username).Take(AccessOptions.MaxAnalystsListed)
            .Select(a => new AnalystAccount(a.Username, a.DisplayName)).ToListAsync(cancellationToken);
        return accounts.OrderBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.Username, StringComparer.Ordinal).ToList();
    }

    /// <summary>Grants, newest first: a supervisor sees anyone's (or one analyst's), an analyst only their own.</summary>
    public async Task<(IReadOnlyList<AnalystGrant> Grants, string NextPageToken)> ListAsync(AnalystGrantQuery query, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var analyst = AccountService.Normalise(v.Optional("analyst", query.Analyst, 100));
        var pageSize = Paging.PageSize(query.PageSize);
        var after = Paging.Decode(query.PageToken, 1);
        v.ThrowIfInvalid();
        if (caller.Role == Role.Analyst)
        {
            if (analyst.Length > 0 && analyst != caller.Subject)
                throw new AccessDeniedException("An analyst sees only their own grants.", ErrorReason.NotYourCase);
            analyst = caller.Subject;
        }
        var grants = db.AnalystGrants.AsNoTracking().Include(g => g.People).AsQueryable();
        if (analyst.Length > 0) grants = grants.Where(g => g.Analyst == analyst);
        if (!query.IncludeEnded)
        {
            var now = clock.Now;
            grants = grants.Where(g => g.RevokedAt == null && g.ExpiresAt > now);
        }
        if (after is not null)
        {
            var last = Guid.TryParse(after[0], out var g) ? g : throw new ValidationException("page_token", "is not a page token this list returned");
            grants = grants.Where(x => x.Id.CompareTo(last) < 0);
        }
        var page = await grants.OrderByDescending(g => g.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Id.ToString()) : "";
        return (page.Take(pageSize).ToList(), next);
    }

    /// <summary>Which of these people the calling analyst holds a live grant for.</summary>
    public async Task<HashSet<Guid>> CoveredAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken)
    {
        if (personIds.Count == 0) return [];
        var covered = await CallersLivePeople().Where(p => personIds.Contains(p)).Distinct().ToListAsync(cancellationToken);
        return covered.ToHashSet();
    }

    /// <summary>The people the calling analyst may read now (for narrowing a search).</summary>
    public Task<List<Guid>> AllCoveredAsync(CancellationToken cancellationToken) =>
        CallersLivePeople().Distinct().ToListAsync(cancellationToken);

    private IQueryable<Guid> CallersLivePeople()
    {
        var now = clock.Now;
        var analyst = caller.Subject;
        return db.AnalystGrants.AsNoTracking()
            .Where(g => g.Analyst == analyst && g.RevokedAt == null && g.ExpiresAt > now)
            .SelectMany(g => g.People.Select(p => p.PersonId));
    }
}
