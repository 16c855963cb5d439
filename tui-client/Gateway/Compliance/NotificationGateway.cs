using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>What a person must notify, and by when (Sexual Offences Act 2003 ss.83-86; SPOs: Stalking Protection Act 2019 s.9).</summary>
public sealed record NotificationDuty(
    bool Subject, bool SexOffenderRegister, DateOnly? StartedOn, DateOnly? EndsOn, bool Indefinite, DateOnly? ReviewOn,
    bool SuspendedInCustody, bool NoFixedAbode, IReadOnlyList<string> Basis, IReadOnlyList<NotificationDue> Due,
    IReadOnlyList<string> Summary, DateOnly? NextDueOn);

public sealed record NotificationDue(string Kind, DateOnly? DueOn, string Reason, bool Overdue);

/// <summary>The kinds of notification a person gives at a police station; values match the API's NotificationKind.</summary>
public enum NotificationKindChoice
{
    Initial = 1,
    Periodic = 2,
    Weekly = 3,
    ChangeOfName = 4,
    ChangeOfAddress = 5,
    StayOfSevenDays = 6,
    HouseholdWithChild = 7,
    BankOrCardDetails = 8,
    IdentityDocument = 9,
    ForeignTravel = 10,
    ReturnFromTravel = 11,
    ReleaseFromCustody = 12,
    SpoNameAndAddress = 13,
}

/// <summary>A notification to record: what kind, when given, the day it is about, and the details.</summary>
public sealed record NotificationGiven(
    string PersonId, NotificationKindChoice Kind, DateTimeOffset? NotifiedAt, DateOnly? EffectiveOn, string Details,
    bool NoFixedAbode = false, DateTimeOffset? DepartsAt = null, string? Destination = null, DateOnly? ReturnOn = null, string? ShortNoticeReason = null);

/// <summary>What recording did: whether it was late (against which deadline), and the duty as it now stands.</summary>
public sealed record NotificationRecorded(string Id, bool Late, string Judgement, NotificationDuty Duty, string? BreachId);

/// <summary>Notification duties (the Compliance service's notification calls).</summary>
public sealed class NotificationGateway(ServerConnection connection)
{
    private readonly V1.Compliance.ComplianceClient _compliance = new(connection.Invoker);

    public async Task<NotificationDuty> StatusAsync(string personId, Purpose purpose, CancellationToken cancellationToken) =>
        ToDuty(await connection.CallAsync(purpose, o => _compliance.GetNotificationStatusAsync(new V1.GetNotificationStatusRequest { PersonId = personId }, o), cancellationToken));

    public async Task<NotificationRecorded> RecordAsync(NotificationGiven given, string requestId, Purpose purpose, CancellationToken cancellationToken)
    {
        var r = await connection.CallAsync(purpose, o => _compliance.RecordNotificationAsync(new V1.RecordNotificationRequest
        {
            PersonId = given.PersonId,
            Kind = WireEnums.NotificationKinds.ToWire(given.Kind),
            NotifiedAt = Wire.Timestamp(given.NotifiedAt),
            EffectiveOn = Wire.Date(given.EffectiveOn),
            Details = given.Details.Trim(),
            NoFixedAbode = given.NoFixedAbode,
            DepartsAt = Wire.Timestamp(given.DepartsAt),
            Destination = given.Destination?.Trim() ?? "",
            ReturnOn = Wire.Date(given.ReturnOn),
            ShortNoticeReason = given.ShortNoticeReason?.Trim() ?? "",
            RequestId = requestId,
        }, o), cancellationToken);
        return new NotificationRecorded(r.NotificationId, r.Late, r.Judgement, ToDuty(r.Status ?? new V1.NotificationStatus()), Wire.Text(r.BreachId));
    }

    private static NotificationDuty ToDuty(V1.NotificationStatus s) => new(
        s.Subject, s.SexOffenderRegister, Wire.Date(s.StartedOn), Wire.Date(s.EndsOn), s.Indefinite, Wire.Date(s.ReviewOn),
        s.SuspendedInCustody, s.NoFixedAbode, s.Basis.ToList(),
        s.Due.Select(d => new NotificationDue(Wording.Of(d.CheckKind), Wire.Date(d.DueOn), d.Reason, d.Overdue)).ToList(),
        s.Summary.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Wire.Date(s.NextDueOn));
}

public static class NotificationWords
{
    /// <summary>The kind as the officer at the desk says it; an explicit table (a test covers every value).</summary>
    public static string Describe(this NotificationKindChoice kind) => kind switch
    {
        NotificationKindChoice.Initial => "Initial notification",
        NotificationKindChoice.Periodic => "Periodic (annual) notification",
        NotificationKindChoice.Weekly => "Weekly (no fixed abode)",
        NotificationKindChoice.ChangeOfName => "Change of name",
        NotificationKindChoice.ChangeOfAddress => "Change of home address",
        NotificationKindChoice.StayOfSevenDays => "Stay of 7 days elsewhere",
        NotificationKindChoice.HouseholdWithChild => "Staying in a household with a child",
        NotificationKindChoice.BankOrCardDetails => "Bank or card details",
        NotificationKindChoice.IdentityDocument => "Passport or identity document",
        NotificationKindChoice.ForeignTravel => "Foreign travel",
        NotificationKindChoice.ReturnFromTravel => "Return from travel",
        NotificationKindChoice.ReleaseFromCustody => "Release from custody",
        NotificationKindChoice.SpoNameAndAddress => "SPO: name and home address",
        _ => "Notification",
    };

    /// <summary>Kinds about a day (a change, a stay, a release, a return): the server needs that day.</summary>
    public static bool NeedsEffectiveDay(this NotificationKindChoice kind) => kind is
        NotificationKindChoice.ChangeOfName or NotificationKindChoice.ChangeOfAddress or NotificationKindChoice.StayOfSevenDays
        or NotificationKindChoice.HouseholdWithChild or NotificationKindChoice.ReturnFromTravel or NotificationKindChoice.ReleaseFromCustody
        or NotificationKindChoice.SpoNameAndAddress;
}
