namespace OffenderMgmt.Bench.Generation;

/// <summary>Names, streets and descriptions for the national data set: common in England, combined at random.</summary>
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

    public static readonly string[] FemaleGivenNames =
    [
        "Sarah", "Emma", "Claire", "Lisa", "Michelle", "Kelly", "Donna", "Nicola", "Joanne", "Amy",
        "Laura", "Rebecca", "Jade", "Chloe", "Stacey", "Leanne", "Gemma", "Danielle", "Natalie", "Kerry",
        "Aisha", "Fatima", "Nadia", "Samina", "Agnieszka", "Ioana", "Grace", "Chantelle", "Siobhan", "Karen",
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

    public static readonly string[] Descriptions =
    [
        "White male, 5'10\", slim build, short brown hair, tattoo of a swallow on left hand",
        "White male, 6'1\", heavy build, shaved head, scar through right eyebrow",
        "Asian male, 5'8\", medium build, black hair and beard, often wears a grey tracksuit",
        "Black male, 6'0\", athletic build, short black hair, gold tooth upper left",
        "White female, 5'5\", slim build, long dyed red hair, nose piercing",
        "White male, 5'7\", stocky build, receding fair hair, spider-web tattoo on neck",
        "Mixed race male, 5'11\", slim build, dreadlocks, walks with a limp",
        "White male, 5'9\", medium build, grey hair, glasses",
    ];

    /// <summary>Plausible outward codes; the data set does not claim real postcodes.</summary>
    public static readonly string[] OutwardCodes =
    [
        "B12", "BS5", "CB1", "DN4", "E15", "HU3", "L8", "LE2", "LS9", "LU1", "M14", "MK40", "N17", "NE6",
        "NG7", "NR3", "OX4", "PL1", "PO1", "S2", "SE15", "SO14", "ST4", "SW9", "TS1", "WV2", "YO10",
    ];
}
