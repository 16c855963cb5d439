using System.Globalization;

namespace OffenderMgmt.Tui.Ui;

/// <summary>Counts and distances as people write them: "1 suspected breach", "2 suspected breaches", "29 km".</summary>
public static class Words
{
    /// <summary>"1 case", "3 cases"; <paramref name="plural"/> when adding "s" is wrong ("breach" → "breaches").</summary>
    public static string Count(int n, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:#,0} {(n == 1 ? singular : plural ?? singular + "s")}");

    /// <summary>Metres below a kilometre ("850 m"), kilometres above it ("1.2 km", "29 km").</summary>
    public static string Distance(double metres) => metres switch
    {
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{metres:0} m"),
        < 10_000 => string.Create(CultureInfo.InvariantCulture, $"{metres / 1000:0.#} km"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{metres / 1000:0} km"),
    };

    /// <summary>
    /// The server's sighting summary opens with its own headline ("CHECK: not enough to say.",
    /// "BREACH:", "No breach:"); the client draws its own headline, so the server's is dropped
    /// rather than said twice ("CANNOT TELL: CHECK: not enough to say").
    /// </summary>
    public static string WithoutHeadline(string summary)
    {
        foreach (var prefix in (string[])["CHECK: not enough to say.", "CHECK:", "BREACH:", "No breach:"])
            if (summary.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return summary[prefix.Length..].TrimStart();
        return summary;
    }
}
