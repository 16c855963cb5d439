using OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Testing;

/// <summary>Well-formed enrolments for tests to start from.</summary>
public static class EnrolRequests
{
    /// <summary>A registered sex offender, high risk, MAPPA category 1, released from 18 months' custody.</summary>
    public static EnrolRequest Rso(string person, Guid officer, int mappaLevel = 2) => new()
    {
        PersonId = person, Scheme = Scheme.Vsomt, ResponsibleOfficerId = officer.ToString(), RiskLevel = RiskLevel.High,
        Register = Register.SexOffender, MappaCategory = 1, MappaLevel = mappaLevel,
        Notification = new RsoNotificationDetails { ConvictionDate = "2024-03-01", Disposal = (int)NotificationDisposal.Custodial, SentenceMonths = 18, AgeAtConviction = 34 },
    };
}
