using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.People;

/// <param name="Only">When given, only these people are found (an analyst's granted people).</param>
public sealed record PersonSearch(string Name, string PncId, int PageSize, string? PageToken, IReadOnlyCollection<Guid>? Only = null);

/// <param name="MatchCount">How many match in all, counted up to <see cref="PeopleDirectory.MatchCountCap"/>.</param>
/// <param name="MatchCountCapped">More than <see cref="PeopleDirectory.MatchCountCap"/> match.</param>
public sealed record PersonPage(IReadOnlyList<Person> People, string NextPageToken, int MatchCount = 0, bool MatchCountCapped = false);

/// <summary>How well a person matches a search by name: the better first.</summary>
public enum NameMatch
{
    /// <summary>Every word is a whole word of the person's own name.</summary>
    ExactName = 0,
    /// <summary>Every word is a whole word of their names or aliases (an alias, or name and alias mixed).</summary>
    ExactAlias = 1,
    /// <summary>A word matched only as the start of a name or by sound.</summary>
    Partial = 2,
}

/// <summary>
/// Creating, reading, editing and finding people. Addresses are classified into their area as
/// they are written (DESIGN.md section 4: compute at write time, look up at read time).
/// </summary>
public sealed class PeopleDirectory(OffenderMgmtDb db, AreaIndexHolder areas, Compliance.CheckPlanner checks, ForceClock clock)
{
    private const int MaxSearchTokens = 5;

    /// <summary>A search counts its matches up to this many; beyond it the count says "more than".</summary>
    public const int MatchCountCap = 1000;

    private sealed class Ranked
    {
        public required Person Person { get; init; }
        public int Rank { get; init; }
    }

    public async Task<Person> CreateAsync(PersonDetails details, CancellationToken cancellationToken)
    {
        PersonRules.Validate(details, Today());
        var now = clock.Now;
        var person = new Person { CreatedAt = now, UpdatedAt = now };
        PersonRules.Apply(person, details);
        SetAddress(person, details.Address);
        await EnsurePncIdFreeAsync(person.PncId, person.Id, "person.pnc_id", cancellationToken);
        db.People.Add(person);
        await SaveAsync(person.PncId, cancellationToken);
        return person;
    }

    public async Task<Person> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new NotFoundException("person", id.ToString());

    /// <summary>Many people by id, in one query (for search results found by another key).</summary>
    public async Task<IReadOnlyDictionary<Guid, Person>> ManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0) return new Dictionary<Guid, Person>();
        return await db.People.AsNoTracking().Where(p => distinct.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    /// <summary>
    /// Applies an edit made from <paramref name="expectedVersion"/>. The edit sees the current
    /// details and returns the new ones; nothing is written unless they are valid and the
    /// person is still at that version (checked again by the database as it writes).
    /// </summary>
    public async Task<Person> UpdateAsync(
        Guid id, long expectedVersion, Func<PersonDetails, PersonDetails> edit, CancellationToken cancellationToken)
    {
        var person = await db.People.Include(p => p.NameKeys).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
                     ?? throw new NotFoundException("person", id.ToString());
        if (person.Version != expectedVersion)
            throw new StaleVersionException("person", id.ToString(), expectedVersion, person.Version);

        var before = DetailsOf(person);
        var details = edit(before);
        PersonRules.Validate(details, Today());
        PersonRules.Apply(person, details);
        if (ChangesNotifiableDetails(before, details))
            await checks.NoteChangeOfDetailsAsync(person.Id, Today(), cancellationToken);
        if (before.CustodyStatus != details.CustodyStatus)
            await checks.NoteCustodyChangeAsync(person.Id, released: details.CustodyStatus == CustodyStatus.InCommunity, Today(), "person record", cancellationToken);
        SetAddress(person, details.Address);
        await EnsurePncIdFreeAsync(person.PncId, person.Id, "person.pnc_id", cancellationToken);
        person.UpdatedAt = clock.Now;
        db.Entry(person).Property(p => p.Version).OriginalValue = expectedVersion;
        await SaveAsync(person.PncId, cancellationToken);
        return person;
    }

    public async Task<PersonPage> SearchAsync(PersonSearch search, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var name = v.Optional("name", search.Name, 200);
        var pncText = v.Optional("pnc_id", search.PncId, 20);
        var pageSize = Paging.PageSize(search.PageSize);
        string? pnc = null;
        if (pncText.Length > 0)
        {
            if (PncId.TryNormalise(pncText, out var canonical, out var problem)) pnc = canonical;
            else v.Add("pnc_id", problem);
        }
        var tokens = NameNormaliser.Tokens(name).Distinct().ToList();
        if (name.Length > 0 && tokens.Count == 0) v.Add("name", "must contain at least one letter or digit");
        if (tokens.Count > MaxSearchTokens) v.Add("name", $"must have at most {MaxSearchTokens} words");
        if (name.Length == 0 && pnc is null && v.IsValid) v.Add("name", "give a name or a PNC ID to search for");
        var after = Paging.Decode(search.PageToken, 3);
        v.ThrowIfInvalid();

        // EF translates string.Compare to SQL comparisons; .NET culture rules do not apply.
#pragma warning disable CA1309
        var query = db.People.AsNoTracking();
        if (pnc is not null) query = query.Where(p => p.PncId == pnc);
        if (search.Only is { } only) query = query.Where(p => only.Contains(p.Id));
        foreach (var token in tokens)
        {
            // A prefix match on any word of the name or an alias, or, for words of three
            // letters or more, a Soundex match ("Smyth" finds "Smith"). The range comparison
            // is the index-friendly spelling of StartsWith.
            var upper = token + '\uffff';
            var sound = token.Length >= 3 ? Soundex.Encode(token) : "";
            query = query.Where(p => db.PersonNameKeys.Any(k => k.PersonId == p.Id &&
                ((string.Compare(k.Token, token) >= 0 && string.Compare(k.Token, upper) < 0) ||
                 (sound != "" && k.Soundex == sound))));
        }
        // Exact names first, then exact aliases, then partial (prefix or sound-alike) matches, each
        // in name order. The rank is computed in the query, before the page is cut, so a person
        // whose name is typed in full is on the first page however many others partly match (a
        // page cut in name order missed an officer's own "David Smith" behind aliases and Smyths).
        // Five words at most: padding with the last word keeps one translatable expression.
        var padded = Enumerable.Range(0, MaxSearchTokens).Select(i => tokens.Count == 0 ? "" : tokens[Math.Min(i, tokens.Count - 1)]).ToArray();
        var (w0, w1, w2, w3, w4) = (Word(padded[0]), Word(padded[1]), Word(padded[2]), Word(padded[3]), Word(padded[4]));
        var (t0, t1, t2, t3, t4) = (padded[0], padded[1], padded[2], padded[3], padded[4]);
        var byName = tokens.Count > 0;
        var ranked = query.Select(p => new Ranked
        {
            Person = p,
            Rank = !byName ? (int)NameMatch.ExactName
                : (" " + p.SortName + " ").Contains(w0) && (" " + p.SortName + " ").Contains(w1) && (" " + p.SortName + " ").Contains(w2)
                  && (" " + p.SortName + " ").Contains(w3) && (" " + p.SortName + " ").Contains(w4) ? (int)NameMatch.ExactName
                : db.PersonNameKeys.Any(k => k.PersonId == p.Id && k.Token == t0) && db.PersonNameKeys.Any(k => k.PersonId == p.Id && k.Token == t1)
                  && db.PersonNameKeys.Any(k => k.PersonId == p.Id && k.Token == t2) && db.PersonNameKeys.Any(k => k.PersonId == p.Id && k.Token == t3)
                  && db.PersonNameKeys.Any(k => k.PersonId == p.Id && k.Token == t4) ? (int)NameMatch.ExactAlias
                : (int)NameMatch.Partial,
        });
        var counted = await query.Take(MatchCountCap + 1).CountAsync(cancellationToken);
        if (after is not null)
        {
            var rank = int.TryParse(after[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : 0;
            var (sortName, lastId) = (after[1], Guid.TryParse(after[2], out var g) ? g : Guid.Empty);
            ranked = ranked.Where(x => x.Rank > rank || (x.Rank == rank && (string.Compare(x.Person.SortName, sortName) > 0 ||
                                     (x.Person.SortName == sortName && x.Person.Id.CompareTo(lastId) > 0))));
        }
#pragma warning restore CA1309
        var page = await ranked.OrderBy(x => x.Rank).ThenBy(x => x.Person.SortName).ThenBy(x => x.Person.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);
        var next = page.Count > pageSize
            ? Paging.Encode(page[pageSize - 1].Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), page[pageSize - 1].Person.SortName, page[pageSize - 1].Person.Id.ToString())
            : "";
        return new PersonPage(page.Take(pageSize).Select(x => x.Person).ToList(), next,
            Math.Min(counted, MatchCountCap), counted > MatchCountCap);
    }

    // A whole word of a space-separated sort name.
    private static string Word(string token) => $" {token} ";

    public static PersonDetails DetailsOf(Person person) => new(
        person.GivenName, person.FamilyName,
        person.Aliases.Select(a => new PersonAlias { GivenName = a.GivenName, FamilyName = a.FamilyName }).ToList(),
        person.DateOfBirth, person.Sex, person.Description, person.PncId,
        person.Address is { } a ? new AddressDetails(a.Line1, a.Line2, a.Town, a.Postcode, a.Latitude, a.Longitude) : null,
        person.CustodyStatus, person.ExpectedReleaseDate, person.WarningMarkers, person.HealthNotes);

    /// <summary>A change a registered sex offender must notify within 3 days: name, aliases or home address.</summary>
    private static bool ChangesNotifiableDetails(PersonDetails before, PersonDetails after) =>
        before.GivenName.Trim() != after.GivenName.Trim() || before.FamilyName.Trim() != after.FamilyName.Trim() ||
        !before.Aliases.Select(a => (a.GivenName.Trim(), a.FamilyName.Trim())).SequenceEqual(after.Aliases.Select(a => (a.GivenName.Trim(), a.FamilyName.Trim()))) ||
        before.Address != after.Address;

    private void SetAddress(Person person, AddressDetails? details)
    {
        if (details is null)
        {
            person.Address = null;
            return;
        }
        UkPostcode.TryNormalise(details.Postcode, out var postcode);
        person.Address ??= new Address();
        person.Address.Line1 = details.Line1.Trim();
        person.Address.Line2 = details.Line2.Trim();
        person.Address.Town = details.Town.Trim();
        person.Address.Postcode = postcode;
        person.Address.Latitude = details.Latitude;
        person.Address.Longitude = details.Longitude;
        person.Address.AreaCode = areas.Current.Classify(details.Latitude, details.Longitude)?.Code;
    }

    private async Task EnsurePncIdFreeAsync(string? pncId, Guid personId, string field, CancellationToken cancellationToken)
    {
        if (pncId is null) return;
        if (await db.People.AnyAsync(p => p.PncId == pncId && p.Id != personId, cancellationToken))
            throw new AlreadyExistsException($"Another person already has PNC ID {pncId} ({field}); search for them instead of creating a duplicate.");
    }

    private async Task SaveAsync(string? pncId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && pncId is not null)
        {
            // Two callers raced to record the same PNC ID; the unique index kept one.
            throw new AlreadyExistsException($"Another person already has PNC ID {pncId}.");
        }
    }

    private DateOnly Today() => clock.Today;
}
