using OffenderMgmt.Server.Identification;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Server.Demo;

/// <summary>
/// Marks, vehicles and phones for the demo force (issue 18): marks for a third of the people,
/// vehicles for half (everyone under an exclusion zone among them, so that a vehicle sighting in
/// a zone can be tried), and a registered phone for everyone under a devices condition. The
/// registrations are current-format Luton marks ("K" memory tags); phone numbers are from
/// Ofcom's drama range (07700 900xxx), and IMEIs carry a valid Luhn digit on an unallocated type
/// code, so none is anyone's. Uses its own random sequence, so the rest of the force is the same.
/// </summary>
internal sealed class DemoIdentification(int seed, DateTimeOffset now, DemoForce force)
{
    private readonly DemoRandom _random = new(seed * 31 + 18);

    private static readonly string[] Locations = ["left forearm", "right forearm", "left hand", "right hand", "neck", "left upper arm", "right upper arm", "chest", "back", "left calf", "right cheek", "left eyebrow"];
    private static readonly string[] Tattoos = ["rose", "swallow", "skull", "name KAREN", "LUTON TOWN crest", "anchor", "dragon", "spider web", "tribal band", "clock and dates", "cross", "lion"];
    private static readonly string[] Scars = ["2 cm, straight", "4 cm, curved", "burn scar", "stitch marks", "old knife wound"];
    private static readonly string[] Makes = ["Ford Focus", "Vauxhall Corsa", "Volkswagen Golf", "BMW 3 Series", "Toyota Yaris", "Audi A3", "Nissan Qashqai", "Ford Transit", "Peugeot 208", "Mercedes-Benz C-Class"];
    private static readonly string[] Colours = ["black", "silver", "white", "grey", "blue", "red"];
    private const string Letters = "ABCDEFGHJKLMNOPRSTUVWXYZ";   // no I or Q in the random letters (DVLA INF104)

    public void Build()
    {
        var withZone = force.Orders.Where(o => o.Conditions.Any(c => c is ExclusionZoneCondition)).Select(o => o.PersonId).ToHashSet();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in force.People.OrderBy(p => p.Id))
        {
            if (_random.Chance(1.0 / 3)) Add(MarkFor(person.Id));
            if (withZone.Contains(person.Id) || _random.Chance(0.5)) Add(VehicleFor(person.Id, used));
        }
        foreach (var order in force.Orders.OrderBy(o => o.Id))
        {
            foreach (var condition in order.Conditions.OfType<DevicesCondition>().Where(c => c.RemovedOn is null))
            {
                Add(new PersonDevice
                {
                    PersonId = order.PersonId, Type = DeviceType.Phone, PhoneNumber = $"+447700900{_random.Next(1000):000}", Imei = NextImei(),
                    RegisteredConditionId = condition.Id, Description = _random.Pick(["black Samsung Galaxy", "white iPhone", "blue Motorola", "grey Nokia"]),
                });
            }
        }
    }

    private PersonMark MarkFor(Guid personId)
    {
        var tattoo = _random.Chance(0.7);
        return new PersonMark
        {
            PersonId = personId, Type = tattoo ? MarkType.Tattoo : MarkType.Scar, BodyLocation = _random.Pick(Locations),
            Description = tattoo ? _random.Pick(Tattoos) : _random.Pick(Scars),
        };
    }

    private PersonVehicle VehicleFor(Guid personId, HashSet<string> used)
    {
        string registration;
        do
        {
            // Current format: Luton memory tag (KA-KL), age identifier 2001-2025, three random letters.
            var age = _random.Chance(0.5) ? _random.Next(51, 76) : _random.Next(2, 26);
            registration = $"K{"ABCDEFGHJKL"[_random.Next(11)]}{age:00}{Letters[_random.Next(Letters.Length)]}{Letters[_random.Next(Letters.Length)]}{Letters[_random.Next(Letters.Length)]}";
        } while (!used.Add(registration));
        var make = _random.Pick(Makes).Split(' ', 2);
        return new PersonVehicle
        {
            PersonId = personId, Registration = registration, Make = make[0], Model = make[1], Colour = _random.Pick(Colours),
            Link = _random.Chance(0.7) ? VehicleLink.Owner : _random.Chance(0.5) ? VehicleLink.User : VehicleLink.SeenDriving,
        };
    }

    /// <summary>A 15-digit IMEI on type allocation code 35999999 (not allocated), with its Luhn digit.</summary>
    private string NextImei()
    {
        var body = $"35999999{_random.Next(1_000_000):000000}";
        return body + Imei.CheckDigit(body);
    }

    private void Add(PersonIdentifier identifier)
    {
        identifier.RecordedBy = identifier.UpdatedBy = "demo";
        identifier.RecordedAt = identifier.UpdatedAt = now.AddDays(-_random.Next(30, 700));
        if (identifier is PersonMark mark) mark.SearchText = MarkText.SearchText(mark.Type, mark.BodyLocation, mark.Description);
        force.Identifiers.Add(identifier);
    }
}
