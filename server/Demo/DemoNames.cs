namespace OffenderMgmt.Server.Demo;

/// <summary>Name and street lists for the demo force: common in Bedfordshire, all invented together.</summary>
public static class DemoNames
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
        "O'Brien", "McCarthy", "Doherty", "Byrne", "Quinn", "Gallagher", "Okafor", "Mensah", "Boateng", "Campbell-Smith",
        "Smyth", "Ashcroft", "Fletcher", "Lambert", "Newman", "Pearce", "Reid", "Stone", "Sutton", "Walsh",
    ];

    public static readonly string[] MaleGivenNames =
    [
        "James", "John", "David", "Michael", "Paul", "Mark", "Daniel", "Lee", "Craig", "Darren",
        "Wayne", "Dean", "Jason", "Scott", "Ryan", "Liam", "Connor", "Jack", "Callum", "Jordan",
        "Kyle", "Jamie", "Ashley", "Stephen", "Gary", "Kevin", "Anthony", "Christopher", "Matthew", "Thomas",
        "Mohammed", "Imran", "Adil", "Tariq", "Zain", "Omar", "Harpreet", "Gurpreet", "Piotr", "Tomasz",
        "Andrei", "Marius", "Kwame", "Emeka", "Sean", "Patrick", "Declan", "Nathan", "Aaron", "Bradley",
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
        "Sam", "Harjit", "Dominic", "Beth", "Oliver", "Megan", "Ben", "Lucy", "Jon", "Amira",
    ];

    public static readonly string[] Streets =
    [
        "High Street", "Church Street", "Station Road", "Park Road", "London Road", "Victoria Street",
        "Albert Road", "Queen Street", "Dunstable Road", "Bedford Road", "Manor Road", "The Crescent",
        "Mill Lane", "Chapel Street", "Grove Road", "Windsor Road", "Castle Street", "Midland Road",
        "Leagrave Road", "Hitchin Road", "Kimbolton Road", "Goldington Road", "Ampthill Road", "Cauldwell Street",
        "Tavistock Street", "Marsh Road", "Oak Road", "Beech Avenue", "Elm Close", "Willow Way",
        "Meadow View", "Orchard Close", "Hawthorn Avenue", "Bury Park Road", "Hart Lane", "Biscot Road",
        "Selbourne Road", "Chaul End Lane", "Hockliffe Street", "Bridge Street", "West Street", "North Street",
    ];

    public static readonly string[] MaleDescriptions =
    [
        "White male, 5'10\", slim build, short brown hair, tattoo of a swallow on left hand",
        "White male, 6'1\", heavy build, shaved head, scar through right eyebrow",
        "Asian male, 5'8\", medium build, black hair and beard, often wears a grey tracksuit",
        "Black male, 6'0\", athletic build, short black hair, gold tooth upper left",
        "White male, 5'7\", stocky build, receding fair hair, spider-web tattoo on neck",
        "Mixed race male, 5'11\", slim build, dreadlocks, walks with a limp",
        "White male, 5'9\", medium build, grey hair, glasses, usually in a high-visibility jacket",
        "Eastern European male, 6'2\", large build, blond crew cut, Cyrillic tattoo on forearm",
    ];

    public static readonly string[] FemaleDescriptions =
    [
        "White female, 5'5\", slim build, long dyed red hair, nose piercing",
        "Asian female, 5'3\", slim build, long black hair, scar on chin",
        "Black female, 5'7\", medium build, braided hair, rose tattoo on right wrist",
        "White female, 5'4\", heavy build, short bleached hair, often with a pushchair",
        "Mixed race female, 5'6\", slim build, curly brown hair tied back, gold hoop earrings",
    ];
}
