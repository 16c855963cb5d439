using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.Workspaces.Common;

/// <summary>Issue 18: marks, vehicles (and, for casework, devices and online identities) as lines of text.</summary>
public static class IdentificationLines
{
    public static IEnumerable<string> For(IReadOnlyList<Identifying> features)
    {
        foreach (var (kind, label) in new[] { (IdentifyingKind.Mark, "Marks"), (IdentifyingKind.Vehicle, "Vehicles"), (IdentifyingKind.Device, "Devices"), (IdentifyingKind.Online, "Online") })
        {
            var texts = features.Where(f => f.Kind == kind).Select(f => f.Text).ToList();
            if (texts.Count > 0) yield return $"{label}: {string.Join("; ", texts)}";
        }
    }
}
