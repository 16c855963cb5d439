using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Officers;

namespace OffenderMgmt.Server.Caseload;

/// <summary>
/// Who may hold what: only officers accredited to manage violent and sexual offenders may hold
/// VSOMT cases, and nobody out of post holds anything. Each refusal is FAILED_PRECONDITION
/// with the reason.
/// </summary>
public static class AssignmentRules
{
    public static void EnsureMayHoldCase(Officer officer, Scheme scheme, DateOnly on)
    {
        EnsureInPost(officer, on);
        if (scheme == Scheme.Vsomt && !officer.Accreditations.HasFlag(Accreditations.ViolentAndSexualOffenders))
            throw new RuleViolationException("NOT_ACCREDITED",
                $"{officer.DisplayName} is not accredited to manage violent and sexual offenders, so cannot hold a VSOMT case.");
    }

    public static void EnsureMayLeadOrder(Officer officer, DateOnly on) => EnsureInPost(officer, on);

    public static void EnsureInPost(Officer officer, DateOnly on)
    {
        if (!officer.IsInPostOn(on))
            throw new RuleViolationException("OUT_OF_POST",
                officer.InPostTo is { } left && left < on
                    ? $"{officer.DisplayName} left post on {left:yyyy-MM-dd} and cannot be given work."
                    : $"{officer.DisplayName} is not in post on {on:yyyy-MM-dd} and cannot be given work.");
    }

    /// <summary>
    /// The most a suggestion may load an officer to: their capacity. Local workload policy, not
    /// law: a reallocation is there to ease overload, so it must not push the officer who takes
    /// the work over 100% of their points.
    /// </summary>
    public const double MostUtilisationAfterMove = 100;

    /// <summary>Why an officer who may hold the work is still not a good owner for it: the load it would leave them with.</summary>
    public static string? WhyNotWithin(Officer officer, double utilisationAfter) =>
        utilisationAfter > MostUtilisationAfterMove
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{officer.DisplayName} would be at {utilisationAfter:0}% of capacity after the move (over {MostUtilisationAfterMove:0}%).")
            : null;

    /// <summary>Whether the officer could hold the case, and if not why (for suggestions).</summary>
    public static string? WhyNot(Officer officer, Scheme? scheme, DateOnly on)
    {
        try
        {
            if (scheme is { } s) EnsureMayHoldCase(officer, s, on);
            else EnsureMayLeadOrder(officer, on);
            return null;
        }
        catch (RuleViolationException e)
        {
            return e.Message;
        }
    }
}
