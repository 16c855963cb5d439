using OffenderMgmt.Server.Identification;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Geography;

/// <summary>Maps a vehicle sighting's verdict (issue 18): the worst verdict, and one per person checked.</summary>
public static class VehicleSightingMessages
{
    public static V1.SightingVerdict Verdict(VehicleSightingCheck check)
    {
        var message = new V1.SightingVerdict
        {
            Verdict = VerdictEnums.Verdicts.ToProto(check.Verdict),
            Summary = check.Summary,
            AreaCode = check.Area?.Code ?? "",
            AreaName = check.Area?.Name ?? "",
            Registration = RegistrationMark.Display(check.Registration),
        };
        // The worst person's findings stand as the verdict's own, for clients that read only those.
        var worst = check.People.OrderBy(p => Rank(p.Check.Verdict)).FirstOrDefault();
        if (worst is not null)
        {
            var single = BriefingMessages.Verdict(worst.Check);
            message.PersonName = single.PersonName;
            message.Findings.AddRange(single.Findings);
        }
        message.People.AddRange(check.People.OrderBy(p => Rank(p.Check.Verdict)).Select(p =>
        {
            var single = BriefingMessages.Verdict(p.Check);
            var person = new V1.PersonVerdict
            {
                PersonId = p.Check.Person.Id.ToString(), PersonName = single.PersonName, Verdict = single.Verdict, Summary = single.Summary,
                VehicleLink = p.Link is { } link ? IdentifierRules.LinkWords(link) : "", Identified = p.Identified,
            };
            person.Findings.AddRange(single.Findings);
            return person;
        }));
        return message;
    }

    private static int Rank(Geography.Verdict verdict) => verdict switch { Geography.Verdict.Breach => 0, Geography.Verdict.NotEnoughInformation => 1, _ => 2 };
}
