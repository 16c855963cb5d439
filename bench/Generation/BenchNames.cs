namespace OffenderMgmt.Bench.Generation;

/// <summary>
/// Family and male given names, officers' names, streets and outward codes for the national data
/// set: wider lists than the demo force's (<see cref="OffenderMgmt.Server.Demo.DemoNames"/>, whose
/// women's names and descriptions it shares), so 150,000 people are not a few hundred names repeated.
/// </summary>
public static class BenchNames
{
    public static readonly string[] FamilyNames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
        "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
        "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill",
        "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
        "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths",
        "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy",
        "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh",
        "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali",
        "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight",
        "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey",
        "Ahmed", "Rahman", "Iqbal", "Mahmood", "Akhtar", "Nowak", "Kowalski", "Wojcik", "Popescu", "Santos",
        "O'Brien", "McCarthy", "Doherty", "Byrne", "Quinn", "Gallagher", "Okafor", "Mensah", "Boateng", "Reid",
        "Armstrong", "Atkinson", "Bradley", "Burton", "Dawson", "Fox", "Gibson", "Hart", "Hayes", "Holland",
        "Hudson", "Lawson", "Lynch", "Moss", "Nicholson", "Pearson", "Porter", "Robertson", "Saunders", "Sharp",
        "Spencer", "Stewart", "Tucker", "Wade", "Wallace", "Watts", "Weston", "Wheeler", "Woods", "Yates",
    ];

    public static readonly string[] MaleGivenNames =
    [
        "James", "John", "David", "Michael", "Paul", "Mark", "Daniel", "Lee", "Craig", "Darren",
        "Wayne", "Dean", "Jason", "Scott", "Ryan", "Liam", "Connor", "Jack", "Callum", "Jordan",
        "Kyle", "Jamie", "Ashley", "Stephen", "Gary", "Kevin", "Anthony", "Christopher", "Matthew", "Thomas",
        "Mohammed", "Imran", "Adil", "Tariq", "Zain", "Omar", "Harpreet", "Gurpreet", "Piotr", "Tomasz",
        "Andrei", "Marius", "Kwame", "Emeka", "Sean", "Patrick", "Declan", "Nathan", "Aaron", "Bradley",
        "Carl", "Shane", "Luke", "Adam", "Robert", "Richard", "Peter", "Steven", "Martin", "Neil",
    ];

    public static readonly string[] OfficerGivenNames =
    [
        "Helen", "Richard", "Andrew", "Rachel", "Simon", "Kate", "Neil", "Louise", "Martin", "Julie",
        "Gareth", "Anita", "Stuart", "Priya", "Robert", "Fiona", "Ian", "Hannah", "Colin", "Sophie",
        "Graham", "Ruth", "Tom", "Alison", "Peter", "Yasmin", "Nick", "Zoe", "Philip", "Carol",
    ];

    public static readonly string[] Streets =
    [
        "High Street", "Church Street", "Station Road", "Park Road", "London Road", "Victoria Street",
        "Albert Road", "Queen Street", "Manor Road", "The Crescent", "Mill Lane", "Chapel Street",
        "Grove Road", "Windsor Road", "Castle Street", "Oak Road", "Beech Avenue", "Elm Close",
        "Willow Way", "Meadow View", "Orchard Close", "Hawthorn Avenue", "Bridge Street", "West Street",
        "North Street", "South Street", "New Road", "King Street", "George Street", "Springfield Road",
    ];

    /// <summary>Plausible outward codes; the data set does not claim real postcodes.</summary>
    public static readonly string[] OutwardCodes =
    [
        "B12", "BS5", "CB1", "DN4", "E15", "HU3", "L8", "LE2", "LS9", "LU1", "M14", "MK40", "N17", "NE6",
        "NG7", "NR3", "OX4", "PL1", "PO1", "S2", "SE15", "SO14", "ST4", "SW9", "TS1", "WV2", "YO10",
    ];
}
