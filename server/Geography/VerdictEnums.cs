using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Sightings;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Geography;

/// <summary>
/// A sighting's verdict between the judge (<see cref="Verdict"/>), the stored sighting
/// (<see cref="SightingVerdict"/>) and the proto, by explicit tables.
/// </summary>
public static class VerdictEnums
{
    public static readonly EnumTable<Verdict, V1.Verdict> Verdicts = new(new Dictionary<Verdict, V1.Verdict>
    {
        [Verdict.NoBreach] = V1.Verdict.NoBreach, [Verdict.Breach] = V1.Verdict.Breach, [Verdict.NotEnoughInformation] = V1.Verdict.NotEnoughInformation,
    });

    public static readonly EnumTable<SightingVerdict, V1.Verdict> Stored = new(new Dictionary<SightingVerdict, V1.Verdict>
    {
        [SightingVerdict.NoBreach] = V1.Verdict.NoBreach, [SightingVerdict.Breach] = V1.Verdict.Breach,
        [SightingVerdict.NotEnoughInformation] = V1.Verdict.NotEnoughInformation,
    });

    /// <summary>The judge's verdict as the sighting records it.</summary>
    public static SightingVerdict ToStored(Verdict verdict) => verdict switch
    {
        Verdict.NoBreach => SightingVerdict.NoBreach,
        Verdict.Breach => SightingVerdict.Breach,
        Verdict.NotEnoughInformation => SightingVerdict.NotEnoughInformation,
        _ => throw new InvalidOperationException($"Verdict.{verdict} has no stored form."),
    };
}
