namespace OffenderMgmt.Server.Compliance;

/// <summary>
/// A notification a person subject to notification requirements gave to the police (Sexual
/// Offences Act 2003 Part 2, or a stalking protection order): what kind, when it was given,
/// the day the change it reports took effect, whether it was late, and travel details for
/// foreign travel. The latest notifications decide what is due next.
/// </summary>
public sealed class OffenderNotification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public NotificationKind Kind { get; set; }
    /// <summary>When it was given (an instant, UTC).</summary>
    public DateTimeOffset NotifiedAt { get; set; }
    /// <summary>The day the reported event happened (the change, the release, the return), in the force's calendar.</summary>
    public DateOnly EffectiveOn { get; set; }
    /// <summary>Restricted: what was notified (the new address, the account, the document...).</summary>
    public string Details { get; set; } = "";
    /// <summary>The person has no sole or main residence: they notify weekly (2012 Regulations).</summary>
    public bool NoFixedAbode { get; set; }

    // Foreign travel
    public DateTimeOffset? DepartsAt { get; set; }
    public string Destination { get; set; } = "";
    public DateOnly? ReturnOn { get; set; }
    /// <summary>Why 7 days' notice was not reasonably practicable (then 24 hours' will do).</summary>
    public string ShortNoticeReason { get; set; } = "";

    public bool Late { get; set; }
    /// <summary>The deadline it was judged against, and how, in words.</summary>
    public string Judgement { get; set; } = "";
    public Guid? BreachId { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

public enum NotificationKind
{
    /// <summary>SOA 2003 s.83: within 3 days of the relevant date (or of release, or of an SHPO's service).</summary>
    Initial = 1,
    /// <summary>SOA 2003 s.85: within one year after each notification.</summary>
    Periodic = 2,
    /// <summary>No sole or main residence: once a week (SI 2012/1876).</summary>
    Weekly = 3,
    /// <summary>SOA 2003 s.84(1)(a): a name not yet notified.</summary>
    ChangeOfName = 4,
    /// <summary>SOA 2003 s.84(1)(b): a new home address.</summary>
    ChangeOfAddress = 5,
    /// <summary>SOA 2003 s.84(1)(c), (6): staying 7 days or more at an address not notified.</summary>
    StayOfSevenDays = 6,
    /// <summary>Residing or staying 12 hours or more in a household with a child under 18 (SI 2012/1876).</summary>
    HouseholdWithChild = 7,
    /// <summary>Bank account, debit or credit card details (SI 2012/1876).</summary>
    BankOrCardDetails = 8,
    /// <summary>Passport or other identity document details (SI 2012/1876).</summary>
    IdentityDocument = 9,
    /// <summary>SOA 2003 s.86 and SI 2004/1220: travel outside the United Kingdom, before departure.</summary>
    ForeignTravel = 10,
    /// <summary>SI 2004/1220: the return to the United Kingdom, within 3 days.</summary>
    ReturnFromTravel = 11,
    /// <summary>SOA 2003 s.84(1)(d): release from custody, imprisonment or detention in hospital.</summary>
    ReleaseFromCustody = 12,
    /// <summary>Stalking Protection Act 2019 s.9: name and home address, within 3 days of service or of a change.</summary>
    SpoNameAndAddress = 13,
}
