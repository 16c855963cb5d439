using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Mappa;

/// <summary>What the agenda rule needs to know about one VSOMT/MAPPA case.</summary>
public sealed record MappaCaseFacts(
    Guid ManagementId,
    Guid PersonId,
    string PersonName,
    int Category,
    int Level,
    RiskLevel Risk,
    DateOnly? LastReviewedOn,
    DateOnly? PendingReferralOn,
    int? PendingReferralLevel,
    IReadOnlyList<(DateOnly On, RiskLevel From, RiskLevel To)> RiskChanges,
    IReadOnlyList<DateOnly> Breaches,
    DateOnly? ExpectedReleaseOn);

public sealed record MappaAgendaEntry(MappaCaseFacts Case, IReadOnlyList<MappaAgendaReason> Reasons, IReadOnlyList<string> Details);

/// <summary>
/// Which cases a level 2 or level 3 meeting discusses (MAPPA Guidance chapter 13a): new
/// referrals to that level; cases at that level whose review falls due by the meeting (the
/// longest interval between reviews is configured per level); and cases at that level with a
/// change of risk, a breach, or a release from custody pending since the last meeting at that
/// level.
/// </summary>
public static class MappaAgenda
{
    public static IReadOnlyList<MappaAgendaEntry> Select(int level, DateOnly heldOn, DateOnly since, IEnumerable<MappaCaseFacts> cases, MappaOptions options)
    {
        var entries = new List<MappaAgendaEntry>();
        var interval = options.ReviewWeeksFor(level);
        foreach (var c in cases)
        {
            var reasons = new List<MappaAgendaReason>();
            var details = new List<string>();
            if (c.PendingReferralLevel == level && c.PendingReferralOn <= heldOn)
            {
                reasons.Add(MappaAgendaReason.NewReferral);
                details.Add($"referred to level {level} on {c.PendingReferralOn:yyyy-MM-dd}");
            }
            if (c.Level == level)
            {
                var due = c.LastReviewedOn?.AddDays(7 * interval);
                if (due is null || due <= heldOn)
                {
                    reasons.Add(MappaAgendaReason.ReviewDue);
                    details.Add(c.LastReviewedOn is { } last ? $"last reviewed {last:yyyy-MM-dd}; due by {due:yyyy-MM-dd}" : "not yet reviewed at a MAPPA meeting");
                }
                var changes = c.RiskChanges.Where(r => r.On > since && r.On <= heldOn).ToList();
                if (changes.Count > 0)
                {
                    reasons.Add(MappaAgendaReason.RiskChange);
                    details.AddRange(changes.Select(r => $"risk {r.From} → {r.To} on {r.On:yyyy-MM-dd}"));
                }
                var breaches = c.Breaches.Where(b => b > since && b <= heldOn).ToList();
                if (breaches.Count > 0)
                {
                    reasons.Add(MappaAgendaReason.Breach);
                    details.AddRange(breaches.Select(b => $"breach recorded {b:yyyy-MM-dd}"));
                }
                if (c.ExpectedReleaseOn is { } release && release >= heldOn && release <= heldOn.AddDays(options.ReleaseHorizonDays))
                {
                    reasons.Add(MappaAgendaReason.PendingRelease);
                    details.Add($"release from custody expected {release:yyyy-MM-dd}");
                }
            }
            if (reasons.Count > 0) entries.Add(new MappaAgendaEntry(c, reasons, details));
        }
        return entries.OrderByDescending(e => e.Case.Risk).ThenBy(e => e.Case.PersonName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Events after this date count: the previous meeting at the level, or one review interval back.</summary>
    public static DateOnly Since(int level, DateOnly heldOn, DateOnly? previousMeeting, MappaOptions options) =>
        previousMeeting ?? heldOn.AddDays(-7 * options.ReviewWeeksFor(level));
}
