using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>People (nominals): reading one record, and finding people by name or PNC ID.</summary>
public sealed class PeopleGateway(ServerConnection connection)
{
    private readonly V1.People.PeopleClient _people = new(connection.Invoker);

    public async Task<PersonDetails> GetAsync(string personId, Purpose purpose, CancellationToken cancellationToken)
    {
        var person = await connection.CallAsync(purpose, o => _people.GetPersonAsync(new V1.GetPersonRequest { Id = personId }, o), cancellationToken);
        return ToDetails(person);
    }

    /// <summary>
    /// By name (prefix or sound-alike, aliases too) or, when the text looks like one, by PNC ID
    /// ("2001/0012345C"): one page, from <paramref name="pageToken"/> (empty for the first).
    /// </summary>
    public async Task<PeopleFound> SearchAsync(string text, Purpose purpose, CancellationToken cancellationToken, string? pageToken = null, int limit = 50)
    {
        var query = text.Trim();
        var request = LooksLikePncId(query)
            ? new V1.SearchPeopleRequest { PncId = query.ToUpperInvariant(), PageSize = limit }
            : new V1.SearchPeopleRequest { Name = query, PageSize = limit };
        request.PageToken = pageToken ?? "";
        var response = await connection.CallAsync(purpose, o => _people.SearchPeopleAsync(request, o), cancellationToken);
        var people = response.People.Select(p => new PersonMatch(
            p.Id, Wording.Name(p.Name), p.Aliases.Select(Wording.Name).ToList(), Wire.Date(p.DateOfBirth),
            Wire.Text(p.PncId), Wire.Text(p.AreaName), p.CustodyStatus == V1.CustodyStatus.InCustody)).ToList();
        return new PeopleFound(people, Wire.Text(response.NextPageToken), Math.Max(response.MatchCount, people.Count), response.MatchCountCapped);
    }

    internal static bool LooksLikePncId(string text) =>
        text.Length == 13 && text[4] == '/' && text[..4].All(char.IsAsciiDigit) && text[5..12].All(char.IsAsciiDigit) && char.IsAsciiLetter(text[12]);

    internal static PersonDetails ToDetails(V1.Person p) => new(
        p.Id, Wording.Name(p.Name), p.Aliases.Select(Wording.Name).ToList(), Wire.Date(p.DateOfBirth), Wording.Of(p.Sex),
        Wire.Text(p.Description), Wire.Text(p.PncId), ToAddress(p.Address),
        p.CustodyStatus == V1.CustodyStatus.InCustody, Wire.Date(p.ExpectedReleaseDate),
        p.WarningMarkers.Select(Wording.Of).Where(w => w.Length > 0).ToList(), Wire.Text(p.HealthNotes), p.Version);

    internal static PostalAddress? ToAddress(V1.Address? a) =>
        a is null || (a.Line1.Length == 0 && a.Postcode.Length == 0)
            ? null
            : new PostalAddress(a.Line1, Wire.Text(a.Line2), Wire.Text(a.Town), Wire.Text(a.Postcode), Wire.Position(a.Location), Wire.Text(a.AreaCode), Wire.Text(a.AreaName));

    /// <summary>Issue 18: the person's marks and vehicles, and their devices and online identities when the role sees casework.</summary>
    public async Task<IReadOnlyList<Identifying>> IdentifiersAsync(string personId, Purpose purpose, CancellationToken cancellationToken)
    {
        var response = await connection.CallAsync(purpose, o => _people.ListIdentifiersAsync(new V1.ListIdentifiersRequest { PersonId = personId }, o), cancellationToken);
        return response.Identifiers.Select(ToIdentifying).ToList();
    }

    internal static Identifying ToIdentifying(V1.Identifier i) => new(
        i.DetailCase switch
        {
            V1.Identifier.DetailOneofCase.Vehicle => IdentifyingKind.Vehicle,
            V1.Identifier.DetailOneofCase.Device => IdentifyingKind.Device,
            V1.Identifier.DetailOneofCase.Online => IdentifyingKind.Online,
            _ => IdentifyingKind.Mark,
        }, i.Display, i.Id, i.Version);
}
