using System.Globalization;

namespace OffenderMgmt.Server.Common;

/// <summary>Counts in messages as people write them: "1 device", "2 devices", never "device(s)".</summary>
public static class Plural
{
    /// <summary>"1 phone", "3 phones"; give <paramref name="plural"/> when adding "s" is wrong ("person" → "people").</summary>
    public static string Of(int count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");
}
