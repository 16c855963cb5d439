using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Compliance;

/// <summary>
/// Maps the notification duty and notification kinds between the wire and the domain, by
/// explicit tables (a test checks every value of both enums is covered).
/// </summary>
public sealed class NotificationMessages(ForceClock clock)
{
    public static readonly IReadOnlyDictionary<V1.NotificationKind, NotificationKind> Kinds = new Dictionary<V1.NotificationKind, NotificationKind>
    {
        [V1.NotificationKind.Initial] = NotificationKind.Initial,
        [V1.NotificationKind.Periodic] = NotificationKind.Periodic,
        [V1.NotificationKind.Weekly] = NotificationKind.Weekly,
        [V1.NotificationKind.ChangeOfName] = NotificationKind.ChangeOfName,
        [V1.NotificationKind.ChangeOfAddress] = NotificationKind.ChangeOfAddress,
        [V1.NotificationKind.StayOfSevenDays] = NotificationKind.StayOfSevenDays,
        [V1.NotificationKind.HouseholdWithChild] = NotificationKind.HouseholdWithChild,
        [V1.NotificationKind.BankOrCardDetails] = NotificationKind.BankOrCardDetails,
        [V1.NotificationKind.IdentityDocument] = NotificationKind.IdentityDocument,
        [V1.NotificationKind.ForeignTravel] = NotificationKind.ForeignTravel,
        [V1.NotificationKind.ReturnFromTravel] = NotificationKind.ReturnFromTravel,
        [V1.NotificationKind.ReleaseFromCustody] = NotificationKind.ReleaseFromCustody,
        [V1.NotificationKind.SpoNameAndAddress] = NotificationKind.SpoNameAndAddress,
    };

    private static readonly IReadOnlyDictionary<NotificationKind, V1.NotificationKind> KindsBack = Kinds.ToDictionary(k => k.Value, k => k.Key);

    public static readonly IReadOnlyDictionary<V1.NotificationDisposal, Caseload.NotificationDisposal> Disposals = new Dictionary<V1.NotificationDisposal, Caseload.NotificationDisposal>
    {
        [V1.NotificationDisposal.Custodial] = Caseload.NotificationDisposal.Custodial,
        [V1.NotificationDisposal.CommunitySentence] = Caseload.NotificationDisposal.CommunitySentence,
        [V1.NotificationDisposal.Caution] = Caseload.NotificationDisposal.Caution,
        [V1.NotificationDisposal.HospitalOrderWithRestriction] = Caseload.NotificationDisposal.HospitalOrderWithRestriction,
        [V1.NotificationDisposal.HospitalOrderWithoutRestriction] = Caseload.NotificationDisposal.HospitalOrderWithoutRestriction,
        [V1.NotificationDisposal.ConditionalDischarge] = Caseload.NotificationDisposal.ConditionalDischarge,
        [V1.NotificationDisposal.OtherDescription] = Caseload.NotificationDisposal.OtherDescription,
    };

    public static V1.NotificationKind ToWire(NotificationKind kind) => KindsBack[kind];

    public V1.NotificationStatus Status(Guid personId, NotificationDuty duty)
    {
        var today = clock.Today;
        var message = new V1.NotificationStatus
        {
            PersonId = personId.ToString(),
            Subject = duty.Subject,
            SexOffenderRegister = duty.SexOffenderRegister,
            StartedOn = IsoDate.Format(duty.StartedOn),
            EndsOn = IsoDate.Format(duty.EndsOn),
            Indefinite = duty.Indefinite,
            ReviewOn = IsoDate.Format(duty.ReviewOn),
            SuspendedInCustody = duty.SuspendedInCustody,
            NoFixedAbode = duty.NoFixedAbode,
            Summary = duty.Summary,
            NextDueOn = IsoDate.Format(duty.Next?.DueOn),
        };
        message.Basis.AddRange(duty.Basis);
        message.Due.AddRange(duty.Dues.OrderBy(d => d.DueOn).Select(d => new V1.NotificationDueItem
        {
            CheckKind = ComplianceEnums.Kinds.ToProto(d.Check),
            Kind = ToWire(d.Kind),
            DueOn = IsoDate.Format(d.DueOn),
            Reason = d.Reason,
            Overdue = d.DueOn < today,
            OrderId = d.OrderId?.ToString() ?? "",
        }));
        return message;
    }
}
