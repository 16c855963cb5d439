using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Alerts;

/// <summary>The alert kind between domain and proto, by an explicit table.</summary>
public static class AlertEnums
{
    public static readonly EnumTable<AlertKind, V1.AlertKind> Kinds = new(new Dictionary<AlertKind, V1.AlertKind>
    {
        [AlertKind.SuspectedBreach] = V1.AlertKind.SuspectedBreach, [AlertKind.OrderServed] = V1.AlertKind.OrderServed,
        [AlertKind.ReleaseIntoArea] = V1.AlertKind.ReleaseIntoArea,
    });
}
