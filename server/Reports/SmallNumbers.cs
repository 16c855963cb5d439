using System.Globalization;

namespace OffenderMgmt.Server.Reports;

/// <summary>
/// The small-number rule for published tables, after the Government Statistical Service guidance
/// "Statistical disclosure control for tables produced from administrative data sources" (GSS/GSR
/// disclosure control policy; ONS, 2014) and the ONS disclosure control guidance for tables: a
/// count of people (or of their records) from 1 up to the threshold minus one is not shown but
/// written "fewer than N", because a small cell can identify someone who is known to be in the
/// group. Zeros are shown: a zero cell discloses nothing about a person.
/// Derived figures are suppressed when they would reveal a suppressed count:
/// a rate when its numerator, its denominator or their difference is suppressed (100% of 7
/// with 6 on time would reveal the one late), and a mean when the count it is over is.
/// Tables carry no totals: a total beside a single suppressed cell gives that cell away by
/// subtraction (the guidance's "secondary disclosure"), and suppressing a second cell to
/// protect it would hide figures analysts need. Each row is a count from the database, never
/// a difference of published figures.
/// </summary>
public sealed class SmallNumbers(int threshold)
{
    public int Threshold { get; } = threshold;

    public string Hidden => $"fewer than {Threshold}";

    public bool IsSmall(long count) => count > 0 && count < Threshold;

    public Figure Count(long count) =>
        IsSmall(count) ? new Figure(0, true, Hidden) : new Figure(count, false, count.ToString(CultureInfo.InvariantCulture));

    /// <summary>A percentage <paramref name="part"/> of <paramref name="whole"/>.</summary>
    public Figure Rate(long part, long whole)
    {
        if (whole == 0) return new Figure(0, false, "n/a");
        if (IsSmall(part) || IsSmall(whole) || IsSmall(whole - part)) return new Figure(0, true, Hidden);
        var rate = Math.Round(100.0 * part / whole, 1);
        return new Figure(rate, false, rate.ToString("0.0", CultureInfo.InvariantCulture) + "%");
    }

    /// <summary>A mean of <paramref name="sum"/> over <paramref name="count"/> people or records.</summary>
    public Figure Mean(double sum, long count)
    {
        if (count == 0) return new Figure(0, false, "n/a");
        if (IsSmall(count)) return new Figure(0, true, Hidden);
        var mean = Math.Round(sum / count, 1);
        return new Figure(mean, false, mean.ToString("0.0", CultureInfo.InvariantCulture));
    }

    /// <summary>A ratio of two counts (cases per full-time officer), hidden when either count is.</summary>
    public Figure Ratio(long numerator, double denominator, long denominatorCount)
    {
        if (denominator <= 0) return new Figure(0, false, "n/a");
        if (IsSmall(numerator) || IsSmall(denominatorCount)) return new Figure(0, true, Hidden);
        var ratio = Math.Round(numerator / denominator, 1);
        return new Figure(ratio, false, ratio.ToString("0.0", CultureInfo.InvariantCulture));
    }
}
