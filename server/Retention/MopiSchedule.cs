using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Server.Retention;

/// <summary>
/// Which MoPI group a person's records fall in, and when a record is due for review (College of
/// Policing APP "Information management: retention, review and disposal"; groups 1 to 4).
/// A person's records take the gravest group the person has ever been managed or ordered under:
/// group 1 for anyone managed by the VSOMT (registered sexual or violent offenders, MAPPA) or
/// made subject to a sexual harm prevention, sexual risk or stalking protection order; group 2
/// for organised crime (SOC lifetime management, SCPO); group 3 otherwise. Group 4 (undetected
/// crime) has no records here yet: every record here is about a known person.
/// </summary>
public static class MopiSchedule
{
    public static readonly OrderType[] PublicProtectionOrders =
        [OrderType.SexualHarmPreventionOrder, OrderType.SexualRiskOrder, OrderType.StalkingProtectionOrder];

    public const Scheme PublicProtectionScheme = Scheme.Vsomt;
    public const Scheme SeriousOffendingScheme = Scheme.SocLifetime;
    public const OrderType SeriousOffendingOrder = OrderType.SeriousCrimePreventionOrder;

    public static MopiGroup GroupOf(bool publicProtection, bool seriousOffending) =>
        publicProtection ? MopiGroup.PublicProtection : seriousOffending ? MopiGroup.SeriousOffending : MopiGroup.OtherOffending;

    /// <summary>First review: the group's years after the record was made; after a retain decision, the next review it set.</summary>
    public static DateOnly DueOn(RetainedRecordKind kind, MopiGroup group, DateOnly recordedOn, DateOnly? retainedUntil, RetentionOptions options) =>
        retainedUntil ?? recordedOn.AddYears(options.YearsFor(kind, group));
}
