using System.Globalization;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;

namespace OffenderMgmt.Server.Caseload;

/// <summary>A case an officer holds on a day, as workload sees it.</summary>
public sealed record CaseHolding(
    Guid ManagementId, Guid PersonId, string PersonName, Scheme Scheme, RiskLevel Risk, IomCohortType? Cohort, int OpenBreaches, bool PendingRelease,
    bool Reactive = false, int MappaLevel = 0, bool HasApprovedPlan = false, int OverduePlanActions = 0);

/// <summary>An order an officer leads on a day.</summary>
public sealed record OrderHolding(Guid OrderId, Guid PersonId, string PersonName, OrderType Type, int OpenBreaches);

/// <summary>One case or order and the points it carries, with why.</summary>
public sealed record WorkloadLine(string Kind, Guid Id, Guid PersonId, string PersonName, double Points, IReadOnlyList<string> Reasons);

public sealed record WorkloadFigure(double Points, double CapacityPoints, double Utilisation, IReadOnlyList<WorkloadLine> Lines, DateOnly WeightsFrom)
{
    public int Cases => Lines.Count(l => l.Kind == "case");
    public int Orders => Lines.Count(l => l.Kind == "order");
}

/// <summary>
/// Workload arithmetic, without a database: points per case by scheme and risk, per order by
/// type, plus extras for open breaches and pending releases, against a capacity that scales
/// with contracted hours (37 hours = 100%).
/// </summary>
public static class WorkloadCalculator
{
    public static double Capacity(double contractedHours, WorkloadOptions options) =>
        options.CapacityPointsFullTime * contractedHours / options.FullTimeHours;

    public static WorkloadFigure Calculate(
        IEnumerable<CaseHolding> cases, IEnumerable<OrderHolding> orders, double contractedHours, DateOnly on, WorkloadOptions options)
    {
        var weights = options.WeightsOn(on);
        var lines = cases.Select(c => CaseLine(c, weights)).Concat(orders.Select(o => OrderLine(o, weights))).ToList();
        var points = Math.Round(lines.Sum(l => l.Points), 2);
        var capacity = Capacity(contractedHours, options);
        var utilisation = capacity <= 0 ? 0 : Math.Round(100 * points / capacity, 1);
        return new WorkloadFigure(points, Math.Round(capacity, 2), utilisation, lines, weights.EffectiveFrom);
    }

    /// <summary>Weeks in a row, ending with the latest, that were over the threshold.</summary>
    public static int ConsecutiveWeeksOver(IReadOnlyList<double> utilisationOldestFirst, double thresholdPercent)
    {
        var weeks = 0;
        for (var i = utilisationOldestFirst.Count - 1; i >= 0 && utilisationOldestFirst[i] > thresholdPercent; i--) weeks++;
        return weeks;
    }

    private static WorkloadLine CaseLine(CaseHolding c, WorkloadWeights weights)
    {
        var reasons = new List<string>();
        double points;
        switch (c.Scheme)
        {
            case Scheme.Vsomt when c.Reactive:
                // No scheduled visits: the weight of the set in force for reactive management.
                points = weights.VsomtReactive;
                reasons.Add($"VSOMT {RiskLevels.Words(c.Risk)} risk, reactive management: {Number(points)}");
                break;
            case Scheme.Vsomt:
                points = weights.Vsomt.GetValueOrDefault(c.Risk, weights.Vsomt.GetValueOrDefault(RiskLevel.Low));
                reasons.Add($"VSOMT {RiskLevels.Words(c.Risk)} risk: {Number(points)}");
                break;
            case Scheme.Iom:
                points = c.Cohort is { } cohort ? weights.Iom.GetValueOrDefault(cohort) : 0;
                reasons.Add($"IOM {(c.Cohort is { } named ? CaseloadEnums.CohortWords[named] : "unknown cohort")}: {Number(points)}");
                break;
            default:
                points = weights.SocLifetime;
                reasons.Add($"SOC lifetime management: {Number(points)}");
                break;
        }
        points += Extras(c.OpenBreaches, c.PendingRelease, weights, reasons);
        points += RiskExtras(c, weights, reasons);
        return new WorkloadLine("case", c.ManagementId, c.PersonId, c.PersonName, points, reasons);
    }

    private static WorkloadLine OrderLine(OrderHolding o, WorkloadWeights weights)
    {
        var name = OrderTypeRules.For(o.Type).ShortName;
        var points = weights.Orders.GetValueOrDefault(name, 1);
        var reasons = new List<string> { $"{name} lead: {Number(points)}" };
        points += Extras(o.OpenBreaches, false, weights, reasons);
        return new WorkloadLine("order", o.OrderId, o.PersonId, o.PersonName, points, reasons);
    }

    private static double Extras(int openBreaches, bool pendingRelease, WorkloadWeights weights, List<string> reasons)
    {
        var extra = 0.0;
        if (openBreaches > 0)
        {
            extra += openBreaches * weights.OpenBreach;
            reasons.Add($"{openBreaches} open breach{(openBreaches == 1 ? "" : "es")}: +{Number(openBreaches * weights.OpenBreach)}");
        }
        if (pendingRelease)
        {
            extra += weights.PendingRelease;
            reasons.Add($"release from custody pending: +{Number(weights.PendingRelease)}");
        }
        return extra;
    }

    /// <summary>MAPPA level 2 and 3 management, a risk management plan to run, and its overdue actions (issue 17).</summary>
    private static double RiskExtras(CaseHolding c, WorkloadWeights weights, List<string> reasons)
    {
        var extra = 0.0;
        if (weights.MappaLevel.GetValueOrDefault(c.MappaLevel) is var mappa and > 0)
        {
            extra += mappa;
            reasons.Add($"MAPPA level {c.MappaLevel}: +{Number(mappa)}");
        }
        if (c.HasApprovedPlan && weights.RiskPlan > 0)
        {
            extra += weights.RiskPlan;
            reasons.Add($"risk management plan: +{Number(weights.RiskPlan)}");
        }
        if (c.OverduePlanActions > 0 && weights.OverduePlanAction > 0)
        {
            var overdue = c.OverduePlanActions * weights.OverduePlanAction;
            extra += overdue;
            reasons.Add($"{c.OverduePlanActions} overdue plan action{(c.OverduePlanActions == 1 ? "" : "s")}: +{Number(overdue)}");
        }
        return extra;
    }


    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
