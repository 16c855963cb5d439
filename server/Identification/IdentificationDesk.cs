using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Identification;

/// <summary>A search result with its rank (built in the query as a member initialiser, so EF can translate filters on it).</summary>
public sealed class Ranked<T>
{
    public required T Item { get; init; }
    public int Rank { get; init; }
}

public sealed record IdentifierPage<T>(IReadOnlyList<Ranked<T>> Items, string NextPageToken);

/// <summary>
/// Recording, editing and finding a person's marks, vehicles, devices and online identifiers
/// (issue 18). Who may see which kind is <see cref="IdentifierRules.MaySee"/>; this class
/// checks and stores.
/// </summary>
public sealed class IdentificationDesk(OffenderMgmtDb db, Caller caller, ForceClock clock)
{
    public async Task<PersonIdentifier> AddAsync(Guid personId, IdentifierDetails details, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var field = FieldOf(details);
        var identifier = IdentifierRules.Create(details, v, field);
        v.ThrowIfInvalid();
        identifier.PersonId = personId;
        await EnsureRegistrationConditionAsync(identifier, field, cancellationToken);
        await EnsureNotRecordedAsync(identifier, cancellationToken);
        var now = clock.Now;
        identifier.RecordedBy = identifier.UpdatedBy = caller.Subject;
        identifier.RecordedAt = identifier.UpdatedAt = now;
        db.PersonIdentifiers.Add(identifier);
        await db.SaveChangesAsync(cancellationToken);
        return identifier;
    }

    public async Task<PersonIdentifier> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.PersonIdentifiers.FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
        ?? throw new NotFoundException("identifier", id.ToString(), "id");

    /// <summary>Replaces the details (of the same kind) and/or retires it, if it is still at <paramref name="expectedVersion"/>.</summary>
    public async Task<PersonIdentifier> UpdateAsync(Guid id, long expectedVersion, IdentifierDetails? details, bool retire, CancellationToken cancellationToken)
    {
        var identifier = await GetAsync(id, cancellationToken);
        if (identifier.Version != expectedVersion)
            throw new StaleVersionException("identifier", id.ToString(), expectedVersion, identifier.Version);
        if (details is null && !retire) throw new ValidationException("detail", "give the new details, or retire");
        if (identifier.RetiredAt is not null) throw new RuleViolationException("IDENTIFIER_RETIRED", "This identifier was retired; record a new one instead.");
        if (details is not null)
        {
            var v = new Validator();
            var field = FieldOf(details);
            IdentifierRules.Apply(identifier, details, v, field);
            v.ThrowIfInvalid();
            await EnsureRegistrationConditionAsync(identifier, field, cancellationToken);
            await EnsureNotRecordedAsync(identifier, cancellationToken);
        }
        var now = clock.Now;
        if (retire) identifier.RetiredAt = now;
        identifier.UpdatedBy = caller.Subject;
        identifier.UpdatedAt = now;
        db.Entry(identifier).Property(i => i.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return identifier;
    }

    public async Task<IReadOnlyList<PersonIdentifier>> ListAsync(Guid personId, bool includeRetired, CancellationToken cancellationToken) =>
        await db.PersonIdentifiers.AsNoTracking()
            .Where(i => i.PersonId == personId && (includeRetired || i.RetiredAt == null))
            .OrderBy(i => i.Kind).ThenBy(i => i.RecordedAt).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The briefing fields (current marks and vehicles) of many people, or of everyone when
    /// <paramref name="personIds"/> is null, in one query. Read into the briefing view
    /// (<see cref="Geography.BriefingFactsLoader"/>) with each person's other facts, never per briefing.
    /// </summary>
    public static async Task<ILookup<Guid, PersonIdentifier>> BriefingFieldsAsync(OffenderMgmtDb db, IReadOnlyCollection<Guid>? personIds, CancellationToken cancellationToken)
    {
        if (personIds is { Count: 0 }) return Array.Empty<PersonIdentifier>().ToLookup(i => i.PersonId);
        var query = db.PersonIdentifiers.AsNoTracking().Where(i => i.RetiredAt == null && (i.Kind == IdentifierKind.Mark || i.Kind == IdentifierKind.Vehicle));
        if (personIds is not null)
        {
            var ids = personIds.Distinct().ToList();
            query = query.Where(i => ids.Contains(i.PersonId));
        }
        var found = await query.ToListAsync(cancellationToken);
        return found.OrderBy(i => i.Kind).ThenBy(i => i.RecordedAt).ThenBy(i => i.Id).ToLookup(i => i.PersonId);
    }

    /// <summary>The people currently linked to a vehicle (a compact registration mark).</summary>
    public async Task<IReadOnlyList<PersonVehicle>> LinkedToAsync(string registration, CancellationToken cancellationToken) =>
        await db.PersonIdentifiers.AsNoTracking().OfType<PersonVehicle>()
            .Where(v => v.Registration == registration && v.RetiredAt == null)
            .OrderBy(v => v.Link).ThenBy(v => v.Id)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Vehicles whose registration matches the pattern, ranked by how many characters were
    /// unknown or misread (exact first), then by registration; keyset-paged on that order.
    /// The ranking is computed by the database, so a page is exact however many match.
    /// </summary>
    public async Task<IdentifierPage<PersonVehicle>> SearchVehiclesAsync(RegistrationPattern pattern, int requestedPageSize, string? pageToken, bool includeRetired, CancellationToken cancellationToken)
    {
        var pageSize = Paging.PageSize(requestedPageSize);
        var after = Paging.Decode(pageToken, 3);
        var vehicle = Expression.Parameter(typeof(PersonVehicle), "v");
        var registration = Expression.Property(vehicle, nameof(PersonVehicle.Registration));
        var like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;
        var anyPattern = pattern.LikePatterns()
            .Select(p => (Expression)Expression.Call(like, Expression.Property(null, typeof(EF).GetProperty(nameof(EF.Functions))!), registration, Expression.Constant(p)))
            .Aggregate(Expression.OrElse);
        // Rank: the unknowns typed, plus one for each known character that differs.
        var substring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
        Expression rank = Expression.Constant(pattern.UnknownCount);
        for (var i = 0; i < pattern.Compact.Length; i++)
        {
            if (pattern.Compact[i] == RegistrationPattern.Unknown) continue;
            var at = Expression.Call(registration, substring, Expression.Constant(i), Expression.Constant(1));
            rank = Expression.Add(rank, Expression.Condition(Expression.Equal(at, Expression.Constant(pattern.Compact[i].ToString())), Expression.Constant(0), Expression.Constant(1)));
        }
        var ranked = RankedBy<PersonVehicle>(vehicle, rank);

        var query = db.PersonIdentifiers.AsNoTracking().OfType<PersonVehicle>()
            .Where(v => includeRetired || v.RetiredAt == null)
            .Where(Expression.Lambda<Func<PersonVehicle, bool>>(anyPattern, vehicle))
            .Select(ranked);
        if (after is not null)
        {
            if (!int.TryParse(after[0], out var lastRank) || !Guid.TryParse(after[2], out var lastId))
                throw new ValidationException("page_token", "is not a page token this list returned");
            var lastRegistration = after[1];
#pragma warning disable CA1309 // EF translates string.Compare to an SQL comparison
            query = query.Where(r => r.Rank > lastRank || (r.Rank == lastRank && (string.Compare(r.Item.Registration, lastRegistration) > 0 ||
                                                                                   (r.Item.Registration == lastRegistration && r.Item.Id.CompareTo(lastId) > 0))));
#pragma warning restore CA1309
        }
        var page = await query.OrderBy(r => r.Rank).ThenBy(r => r.Item.Registration).ThenBy(r => r.Item.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), page[pageSize - 1].Item.Registration, page[pageSize - 1].Item.Id.ToString()) : "";
        return new IdentifierPage<PersonVehicle>(page.Take(pageSize).ToList(), next);
    }

    /// <summary>Current marks matching any of the words, most words matched first; keyset-paged.</summary>
    public async Task<IdentifierPage<PersonMark>> SearchMarksAsync(string text, int requestedPageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var raw = v.Required("text", text, 300);
        var words = MarkText.Words(raw).Distinct().ToList();
        if (raw.Length > 0 && words.Count == 0) v.Add("text", "must contain at least one word (e.g. tattoo, left forearm, rose)");
        if (words.Count > MarkText.MaxSearchWords) v.Add("text", $"must have at most {MarkText.MaxSearchWords} words");
        var pageSize = Paging.PageSize(requestedPageSize);
        var after = Paging.Decode(pageToken, 2);
        v.ThrowIfInvalid();

        var mark = Expression.Parameter(typeof(PersonMark), "m");
        var searchText = Expression.Property(mark, nameof(PersonMark.SearchText));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var hits = words.Select(w => (Expression)Expression.Call(searchText, contains, Expression.Constant(" " + w))).ToList();
        var anyWord = hits.Aggregate(Expression.OrElse);
        var score = hits.Select(h => (Expression)Expression.Condition(h, Expression.Constant(1), Expression.Constant(0))).Aggregate(Expression.Add);
        var ranked = RankedBy<PersonMark>(mark, score);

        var query = db.PersonIdentifiers.AsNoTracking().OfType<PersonMark>()
            .Where(m => m.RetiredAt == null)
            .Where(Expression.Lambda<Func<PersonMark, bool>>(anyWord, mark))
            .Select(ranked);
        if (after is not null)
        {
            if (!int.TryParse(after[0], out var lastScore) || !Guid.TryParse(after[1], out var lastId))
                throw new ValidationException("page_token", "is not a page token this list returned");
            query = query.Where(r => r.Rank < lastScore || (r.Rank == lastScore && r.Item.Id.CompareTo(lastId) > 0));
        }
        var page = await query.OrderByDescending(r => r.Rank).ThenBy(r => r.Item.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), page[pageSize - 1].Item.Id.ToString()) : "";
        return new IdentifierPage<PersonMark>(page.Take(pageSize).ToList(), next);
    }

    /// <summary>The person's current devices, registered or already found at an inspection.</summary>
    public async Task<IReadOnlyList<PersonDevice>> DevicesOfAsync(Guid personId, CancellationToken cancellationToken) =>
        await db.PersonIdentifiers.OfType<PersonDevice>().Where(d => d.PersonId == personId && d.RetiredAt == null).ToListAsync(cancellationToken);

    /// <summary>Records a device found at an inspection (not registered), to be saved with the outcome.</summary>
    public PersonDevice NoteFound(Guid personId, Guid checkId, PersonDevice found)
    {
        var now = clock.Now;
        found.PersonId = personId;
        found.FoundAtCheckId = checkId;
        found.RegisteredConditionId = null;
        found.RecordedBy = found.UpdatedBy = caller.Subject;
        found.RecordedAt = found.UpdatedAt = now;
        db.PersonIdentifiers.Add(found);
        return found;
    }

    private static Expression<Func<T, Ranked<T>>> RankedBy<T>(ParameterExpression item, Expression rank) =>
        Expression.Lambda<Func<T, Ranked<T>>>(Expression.MemberInit(Expression.New(typeof(Ranked<T>)),
            Expression.Bind(typeof(Ranked<T>).GetProperty(nameof(Ranked<T>.Item))!, item),
            Expression.Bind(typeof(Ranked<T>).GetProperty(nameof(Ranked<T>.Rank))!, rank)), item);

    private static string FieldOf(IdentifierDetails details) => details switch
    {
        MarkDetails => "mark",
        VehicleDetails => "vehicle",
        DeviceDetails => "device",
        _ => "online",
    };

    /// <summary>A device registered under a condition: it must be a devices condition, in force, of one of the person's orders.</summary>
    private async Task EnsureRegistrationConditionAsync(PersonIdentifier identifier, string field, CancellationToken cancellationToken)
    {
        if (identifier is not PersonDevice { RegisteredConditionId: { } conditionId }) return;
        var fits = await db.Conditions.OfType<DevicesCondition>()
            .AnyAsync(c => c.Id == conditionId && c.RemovedOn == null &&
                           db.Orders.Any(o => o.Id == c.OrderId && o.PersonId == identifier.PersonId &&
                                              o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired), cancellationToken);
        if (!fits)
            throw new ValidationException($"{field}.registered_condition_id", "must be a devices condition in force on one of this person's orders");
    }

    /// <summary>One person, one current record of a vehicle or of a device (by IMEI or number).</summary>
    private async Task EnsureNotRecordedAsync(PersonIdentifier identifier, CancellationToken cancellationToken)
    {
        var others = db.PersonIdentifiers.Where(i => i.PersonId == identifier.PersonId && i.Id != identifier.Id && i.RetiredAt == null);
        var clash = identifier switch
        {
            PersonVehicle v => await others.OfType<PersonVehicle>().AnyAsync(o => o.Registration == v.Registration, cancellationToken),
            PersonDevice { Imei: { } imei } => await others.OfType<PersonDevice>().AnyAsync(o => o.Imei == imei, cancellationToken),
            PersonDevice { PhoneNumber: { } number } => await others.OfType<PersonDevice>().AnyAsync(o => o.PhoneNumber == number, cancellationToken),
            _ => false,
        };
        if (clash)
            throw new AlreadyExistsException($"This person already has that {IdentifierMessages.KindWords[identifier.Kind]} on record; edit it instead of adding it again.");
    }
}
