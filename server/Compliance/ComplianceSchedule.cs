namespace OffenderMgmt.Server.Compliance;

/// <summary>How often a kind of check recurs: every so many months or days.</summary>
public readonly record struct Cadence(int Months, int Days)
{
    public static Cadence EveryMonths(int months) => new(months, 0);
    public static Cadence EveryDays(int days) => new(0, days);

    public DateOnly After(DateOnly date) => Months > 0 ? date.AddMonths(Months) : date.AddDays(Days);

    public int ApproximateDays => Months > 0 ? Months * 30 : Days;
}

/// <summary>
/// When checks fall due: the rules, without a database. Reports and notifications keep their
/// calendar (a monthly report is due on the same day each month however late the last one
/// was); visits and inspections run from when the last one happened. A visit that found nobody
/// in is retried soon rather than at the next full interval.
/// </summary>
public static class ComplianceSchedule
{
    public static bool KeepsCalendar(CheckKind kind) =>
        kind is CheckKind.FinancialReport;

    public static DateOnly NextDue(CheckKind kind, Cadence cadence, DateOnly previousDue, DateOnly completedOn, CheckOutcome outcome, ComplianceOptions options)
    {
        if (outcome == CheckOutcome.NoAccess) return completedOn.AddDays(options.NoAccessRetryDays);
        if (!KeepsCalendar(kind)) return cadence.After(completedOn);
        var next = cadence.After(previousDue);
        while (next <= completedOn) next = cadence.After(next);
        return next;
    }

    /// <summary>The first day an outcome may be recorded for a check due on <paramref name="due"/>.</summary>
    public static DateOnly OpensOn(DateOnly due, Cadence cadence, ComplianceOptions options) =>
        due.AddDays(-Math.Min(options.MaxDaysEarly, Math.Max(1, cadence.ApproximateDays / 2)));
}
