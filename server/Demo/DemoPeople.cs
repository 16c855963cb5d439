using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Demo;

/// <summary>
/// Invents one person: name (some with aliases), date of birth, PNC ID, description, markers,
/// and a home in one of the real wards, at a point inside its boundary.
/// </summary>
internal sealed class DemoPeople(DemoRandom random, DateOnly today, DateTimeOffset now, AreaIndex areas)
{
    private readonly IReadOnlyList<AreaShape> _homes = WeightedHomes(areas);

    public Person Create(bool male, int minAge, int maxAge, HashSet<string> pncIds)
    {
        var given = random.Pick(male ? DemoNames.MaleGivenNames : DemoNames.FemaleGivenNames);
        var family = random.Pick(DemoNames.FamilyNames);
        var born = today.AddYears(-random.Next(minAge, maxAge + 1)).AddDays(-random.Next(365));
        var person = new Person
        {
            Id = random.NextId(),
            GivenName = given,
            FamilyName = family,
            DateOfBirth = born,
            Sex = male ? Sex.Male : Sex.Female,
            Description = random.Pick(male ? DemoNames.MaleDescriptions : DemoNames.FemaleDescriptions),
            PncId = NewPncId(born, pncIds),
            WarningMarkers = Markers(),
            HealthNotes = random.Chance(0.2) ? random.Pick(HealthNotes) : "",
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (random.Chance(0.22))
        {
            person.Aliases.Add(new PersonAlias { GivenName = random.Chance(0.5) ? given : random.Pick(DemoNames.MaleGivenNames), FamilyName = random.Pick(DemoNames.FamilyNames) });
            if (random.Chance(0.3))
                person.Aliases.Add(new PersonAlias { GivenName = given[..Math.Min(3, given.Length)], FamilyName = family });
        }
        person.Address = Home();
        person.RebuildNameKeys();
        return person;
    }

    public static string RiskAssessmentFor(Scheme scheme, RiskLevel risk) => (scheme, risk) switch
    {
        (Scheme.Vsomt, RiskLevel.VeryHigh) => "Active Risk Management System: very high risk of sexual harm to children. Imminent risk if unsupervised access. Previous grooming via online gaming platforms.",
        (Scheme.Vsomt, RiskLevel.High) => "ARMS assessment: high risk of sexual harm to adult females not known to him. Risk increases with alcohol use and relationship breakdown.",
        (Scheme.Vsomt, _) => "ARMS assessment: risk factors largely addressed through treatment programme; protective factors include stable employment and family support.",
        (Scheme.Iom, RiskLevel.High) => "OASys: high risk of serious harm to known adults (ex-partner). Drug use (crack cocaine) drives acquisitive offending.",
        (Scheme.Iom, _) => "OASys: medium risk of reoffending; acquisitive offending linked to heroin use; engaging with drug and alcohol service.",
        _ => "Intelligence assessment: senior member of an organised crime group involved in Class A supply and money laundering; access to firearms suspected.",
    };

    private Address Home()
    {
        var area = random.Pick(_homes);
        var (lat, lon) = random.PointIn(area);
        var town = TownOf(area);
        return new Address
        {
            Line1 = $"{random.Next(1, 180)} {random.Pick(DemoNames.Streets)}",
            Line2 = area.DistrictCode == "E06000056" ? "" : area.Name,
            Town = town,
            Postcode = Postcode(town, area.DistrictCode),
            Latitude = Math.Round(lat, 6),
            Longitude = Math.Round(lon, 6),
            AreaCode = area.Code,
        };
    }

    private string NewPncId(DateOnly born, HashSet<string> taken)
    {
        while (true)
        {
            var firstArrest = Math.Clamp(born.Year + random.Next(14, 30), 1980, today.Year - 1);
            var id = PncId.Create(firstArrest, random.Next(1, 999_999));
            if (taken.Add(id)) return id;
        }
    }

    private WarningMarkers Markers()
    {
        var markers = WarningMarkers.None;
        if (random.Chance(0.25)) markers |= WarningMarkers.Violent;
        if (random.Chance(0.10)) markers |= WarningMarkers.Weapons;
        if (random.Chance(0.12)) markers |= WarningMarkers.Drugs;
        if (random.Chance(0.06)) markers |= WarningMarkers.SelfHarm;
        if (random.Chance(0.05)) markers |= WarningMarkers.MentalHealth;
        if (random.Chance(0.02)) markers |= WarningMarkers.Firearms;
        return markers;
    }

    private static readonly string[] HealthNotes =
    [
        "Type 1 diabetic; carries insulin.",
        "Under the community mental health team; history of depression.",
        "Epilepsy, controlled by medication.",
        "Hepatitis C positive.",
        "Prescribed methadone via the drug and alcohol service.",
    ];

    // Town centres and estates in Luton and Bedford are denser than the villages of Central
    // Bedfordshire, so urban wards are more likely homes.
    private static List<AreaShape> WeightedHomes(AreaIndex areas) =>
        areas.Areas.SelectMany(a => Enumerable.Repeat(a, a.DistrictCode == "E06000056" ? 2 : 3)).ToList();

    private static string TownOf(AreaShape area) => area.DistrictCode switch
    {
        "E06000032" => "Luton",
        "E06000055" => area.Name.StartsWith("Kempston", StringComparison.Ordinal) ? "Kempston" : "Bedford",
        _ => area.Name switch
        {
            "Houghton Hall" or "Parkside" or "Tithe Farm" => "Houghton Regis",
            "Linslade" => "Leighton Buzzard",
            var n when n.StartsWith("Dunstable", StringComparison.Ordinal) => "Dunstable",
            var n when n.StartsWith("Leighton Buzzard", StringComparison.Ordinal) => "Leighton Buzzard",
            var n when n.StartsWith("Biggleswade", StringComparison.Ordinal) => "Biggleswade",
            var n => n.Split(' ', ',')[0],
        },
    };

    private string Postcode(string town, string district)
    {
        var outward = town switch
        {
            "Luton" => random.Pick(["LU1", "LU2", "LU3", "LU4"]),
            "Bedford" => random.Pick(["MK40", "MK41", "MK42", "MK44"]),
            "Kempston" => "MK42",
            "Dunstable" => random.Pick(["LU5", "LU6"]),
            "Houghton Regis" => "LU5",
            "Leighton Buzzard" => "LU7",
            "Biggleswade" => "SG18",
            "Sandy" => "SG19",
            "Shefford" => "SG17",
            "Arlesey" or "Stotfold" => "SG15",
            "Cranfield" => "MK43",
            _ => district == "E06000056" ? random.Pick(["MK45", "SG16", "LU6"]) : "MK43",
        };
        const string letters = "ABDEFGHJLNPQRSTUWXYZ";
        return $"{outward} {random.Next(1, 10)}{letters[random.Next(letters.Length)]}{letters[random.Next(letters.Length)]}";
    }
}
