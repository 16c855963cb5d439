using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.People;

/// <summary>Explicit tables between the person enums and their proto enums.</summary>
public static class PersonEnums
{
    public static readonly EnumTable<Sex, V1.Sex> Sexes = new(new Dictionary<Sex, V1.Sex>
    {
        [Sex.Unspecified] = V1.Sex.Unspecified, [Sex.Male] = V1.Sex.Male, [Sex.Female] = V1.Sex.Female, [Sex.Other] = V1.Sex.Other,
    });

    public static readonly EnumTable<CustodyStatus, V1.CustodyStatus> Custody = new(new Dictionary<CustodyStatus, V1.CustodyStatus>
    {
        [CustodyStatus.InCommunity] = V1.CustodyStatus.InCommunity, [CustodyStatus.InCustody] = V1.CustodyStatus.InCustody,
    });
}
