namespace OffenderMgmt.Server.Reports;

/// <summary>Settings of section "Reports".</summary>
public sealed class ReportOptions
{
    /// <summary>
    /// Counts from 1 to this minus one are published as "fewer than N" (see <see cref="SmallNumbers"/>:
    /// GSS guidance on disclosure control for tables from administrative data). 5 is a common choice.
    /// </summary>
    public int SmallNumberThreshold { get; set; } = 5;

    /// <summary>The period when the caller gives none: this many months up to today.</summary>
    public int DefaultMonths { get; set; } = 12;

    /// <summary>The longest period one report covers.</summary>
    public int MaxMonths { get; set; } = 36;

    /// <summary>For the IOM flow: the window before and after joining in which breaches and risk changes are counted.</summary>
    public int IomWindowMonths { get; set; } = 6;
}
