using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Identification;

public enum IdentifierKind { Mark = 1, Vehicle = 2, Device = 3, Online = 4 }

/// <summary>
/// Something that identifies a person: a mark on their body, a vehicle they are linked to, a
/// phone or device, an online identity. Each kind is its own subclass (stored in one table),
/// with who recorded it and when, edited under the version rule, and retired (kept for
/// history) rather than deleted.
/// </summary>
public abstract class PersonIdentifier : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public IdentifierKind Kind { get; protected set; }
    /// <summary>Free text: what the mark shows, notes on a vehicle or device.</summary>
    public string Description { get; set; } = "";
    /// <summary>The account that recorded it (an officer's or a service's).</summary>
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Set when it no longer applies (a vehicle sold, a phone given up); kept for history.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
    public long Version { get; set; }

    /// <summary>Briefing fields (marks, vehicles) or casework (devices, online identifiers)?</summary>
    public bool IsCasework => Kind is IdentifierKind.Device or IdentifierKind.Online;
}

public enum MarkType { Mark = 1, Scar = 2, Tattoo = 3, Birthmark = 4, Piercing = 5, Amputation = 6 }

public sealed class PersonMark : PersonIdentifier
{
    public PersonMark() => Kind = IdentifierKind.Mark;

    public MarkType Type { get; set; }
    /// <summary>Where on the body, as an officer would say it: "left forearm".</summary>
    public string BodyLocation { get; set; } = "";
    /// <summary>Normalised words of type, location and description, each with a space before it, for search.</summary>
    public string SearchText { get; set; } = "";
}

public enum VehicleLink { Owner = 1, User = 2, SeenDriving = 3 }

public sealed class PersonVehicle : PersonIdentifier
{
    public PersonVehicle() => Kind = IdentifierKind.Vehicle;

    /// <summary>Compact form: upper case, no spaces ("AB12CDE").</summary>
    public string Registration { get; set; } = "";
    public string Make { get; set; } = "";
    public string Model { get; set; } = "";
    public string Colour { get; set; } = "";
    public VehicleLink Link { get; set; }
}

public enum DeviceType { Phone = 1, Tablet = 2, Computer = 3, Other = 4 }

public sealed class PersonDevice : PersonIdentifier
{
    public PersonDevice() => Kind = IdentifierKind.Device;

    public DeviceType Type { get; set; }
    /// <summary>E.164 ("+447700900123").</summary>
    public string? PhoneNumber { get; set; }
    /// <summary>15 digits, Luhn-checked.</summary>
    public string? Imei { get; set; }
    /// <summary>The devices condition it is registered under, if the person registered it.</summary>
    public Guid? RegisteredConditionId { get; set; }
    /// <summary>The device inspection that found it, when it was found rather than declared.</summary>
    public Guid? FoundAtCheckId { get; set; }

    public bool IsRegistered => RegisteredConditionId is not null;
}

public sealed class OnlineIdentifier : PersonIdentifier
{
    public OnlineIdentifier() => Kind = IdentifierKind.Online;

    /// <summary>Where: "email", "Facebook", "Snapchat", a gaming network...</summary>
    public string Platform { get; set; } = "";
    /// <summary>The address, handle or account name.</summary>
    public string Handle { get; set; } = "";
}
