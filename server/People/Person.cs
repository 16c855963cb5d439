using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.People;

/// <summary>A nominal: someone OffenderMgmt manages, or who is named in an order.</summary>
public sealed class Person : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public List<PersonAlias> Aliases { get; set; } = [];
    public DateOnly? DateOfBirth { get; set; }
    public Sex Sex { get; set; }
    /// <summary>Physical description for identification (height, build, tattoos...).</summary>
    public string Description { get; set; } = "";
    /// <summary>Police National Computer ID in full form (YYYY/NNNNNNNC), unique when present.</summary>
    public string? PncId { get; set; }
    public Address? Address { get; set; }
    public CustodyStatus CustodyStatus { get; set; } = CustodyStatus.InCommunity;
    public DateOnly? ExpectedReleaseDate { get; set; }
    public WarningMarkers WarningMarkers { get; set; }
    /// <summary>Restricted: health information, never disclosed to briefing-level callers.</summary>
    public string HealthNotes { get; set; } = "";

    /// <summary>Normalised "FAMILY GIVEN" used to order search results.</summary>
    public string SortName { get; set; } = "";
    /// <summary>Search keys for every word of the name and aliases; rebuilt when they change.</summary>
    public List<PersonNameKey> NameKeys { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public string DisplayName => $"{GivenName} {FamilyName}".Trim();

    public int? AgeOn(DateOnly date)
    {
        if (DateOfBirth is not { } dob) return null;
        var age = date.Year - dob.Year;
        if (date < dob.AddYears(age)) age--;
        return age;
    }

    /// <summary>Recomputes the search keys and sort name from the name and aliases.</summary>
    public void RebuildNameKeys()
    {
        SortName = NameNormaliser.Normalise($"{FamilyName} {GivenName}");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in new[] { GivenName, FamilyName }
                     .Concat(Aliases.SelectMany(a => new[] { a.GivenName, a.FamilyName })))
        {
            foreach (var token in NameNormaliser.Tokens(part)) keys.Add(token);
        }
        NameKeys = keys.Order(StringComparer.Ordinal)
            .Select(t => new PersonNameKey { Token = t, Soundex = Soundex.Encode(t) })
            .ToList();
    }
}

public sealed class PersonAlias
{
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
}

/// <summary>One searchable word of a person's names, with its sound-alike code.</summary>
public sealed class PersonNameKey
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public string Token { get; set; } = "";
    public string Soundex { get; set; } = "";
}

/// <summary>
/// A home address with its geocoded point. <see cref="AreaCode"/> is derived: the area whose
/// boundary contains the point, decided when the address is written or areas are re-imported.
/// </summary>
public sealed class Address
{
    public string Line1 { get; set; } = "";
    public string Line2 { get; set; } = "";
    public string Town { get; set; } = "";
    public string Postcode { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string? AreaCode { get; set; }
}

public enum Sex { Unspecified = 0, Male = 1, Female = 2, Other = 3 }

public enum CustodyStatus { InCommunity = 1, InCustody = 2 }

[Flags]
public enum WarningMarkers
{
    None = 0,
    Violent = 1 << 0,
    Weapons = 1 << 1,
    SelfHarm = 1 << 2,
    Drugs = 1 << 3,
    MentalHealth = 1 << 4,
    Escaper = 1 << 5,
    Contagious = 1 << 6,
    Firearms = 1 << 7,
}
