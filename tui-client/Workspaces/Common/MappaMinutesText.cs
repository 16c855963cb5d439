using System.Globalization;
using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.Workspaces.Common;

/// <summary>
/// A MAPPA meeting's minutes as text the chair's minute-taker fills in, one block a case, and
/// reading it back. A block is left out of the minutes while its decision is empty. The server
/// takes the whole meeting's minutes in one call and once only, so the minute-taker writes them
/// all before saving (MAPPA Guidance 2012, ch. 13: minutes record each case's decision, the
/// level, the actions with owners and dates, and whether disclosure was considered and why).
/// </summary>
public static class MappaMinutesText
{
    public const string AttendeesHint = "one per line: agency; name";

    public static string Template(MappaMeetingRow meeting) => string.Join("\n\n", meeting.Agenda.Select((c, i) => string.Join("\n",
        $"# {i + 1}. {c.PersonName} (category {c.Category}, level {c.Level})",
        "decision: ",
        $"level: {c.Level}",
        "action: ",
        "disclosure: no")));

    /// <summary>The attendees, or the problem with the first bad line.</summary>
    public static (IReadOnlyList<(string Agency, string Name)> Attendees, string? Problem) ParseAttendees(string text)
    {
        var list = new List<(string, string)>();
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split(';', 2, StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
                return ([], $"Attendee line {i + 1} should read \"agency; name\".");
            list.Add((parts[0], parts[1]));
        }
        return list.Count == 0 ? ([], "Name at least one attendee (agency; name).") : (list, null);
    }

    /// <summary>The cases with a decision written, or the problem with the first bad block.</summary>
    public static (IReadOnlyList<MappaCaseDecision> Cases, string? Problem) ParseCases(string text, MappaMeetingRow meeting)
    {
        var cases = new List<MappaCaseDecision>();
        MappaAgendaCase? current = null;
        string decision = "";
        var level = 0;
        var actions = new List<MappaActionRow>();
        (bool Considered, bool? Disclose, string? Why) disclosure = (false, null, null);
        string? problem = null;

        void Finish()
        {
            if (current is null || problem is not null) return;
            if (decision.Length == 0) return;
            if (disclosure.Considered && string.IsNullOrWhiteSpace(disclosure.Why))
            {
                problem = $"{current.PersonName}: say why disclosure was or was not made (disclosure: yes, disclose: why).";
                return;
            }
            cases.Add(new MappaCaseDecision(current.ManagementId, decision, level, actions.ToList(), disclosure.Considered, disclosure.Disclose, disclosure.Why));
        }

        foreach (var line in Lines(text))
        {
            if (problem is not null) break;
            if (line.StartsWith('#'))
            {
                Finish();
                var head = line.TrimStart('#').Trim();
                var dot = head.IndexOf('.', StringComparison.Ordinal);
                if (dot <= 0 || !int.TryParse(head[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > meeting.Agenda.Count)
                    return ([], $"\"{line}\" does not name a case on the agenda: keep the \"# number.\" lines as they were.");
                current = meeting.Agenda[n - 1];
                (decision, level, disclosure) = ("", current.Level, (false, null, null));
                actions.Clear();
                continue;
            }
            if (current is null) return ([], "Write each case's minutes under its \"# number. name\" line.");
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? line[..colon].Trim().ToLowerInvariant() : "";
            var value = colon > 0 ? line[(colon + 1)..].Trim() : line;
            switch (key)
            {
                case "decision":
                    decision = value;
                    break;
                case "level":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out level) || level is < 1 or > 3)
                        problem = $"{current.PersonName}: the level should be 1, 2 or 3.";
                    break;
                case "action":
                    if (value.Length == 0) break;
                    var parts = value.Split(';', StringSplitOptions.TrimEntries);
                    if (parts.Length < 3 || parts[0].Length == 0 || parts[1].Length == 0
                        || !DateOnly.TryParseExact(parts[2].StartsWith("due ", StringComparison.OrdinalIgnoreCase) ? parts[2][4..].Trim() : parts[2],
                            "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
                    {
                        problem = $"{current.PersonName}: an action reads \"what; owner agency; due yyyy-mm-dd\".";
                        break;
                    }
                    actions.Add(new MappaActionRow(parts[0], parts[1], null, due, false));
                    break;
                case "disclosure":
                    disclosure = ParseDisclosure(value);
                    if (disclosure.Considered && disclosure.Disclose is null)
                        problem = $"{current.PersonName}: write \"disclosure: yes, disclose: why\" or \"disclosure: yes, do not disclose: why\" (or \"no\").";
                    break;
                default:
                    // A line of its own continues the decision.
                    if (decision.Length > 0 && colon < 0) decision += " " + line;
                    else problem = $"{current.PersonName}: \"{line}\" is not decision:, level:, action: or disclosure:.";
                    break;
            }
        }
        Finish();
        if (problem is not null) return ([], problem);
        return cases.Count == 0 ? ([], "Write the decision for at least one case.") : (cases, null);
    }

    private static (bool Considered, bool? Disclose, string? Why) ParseDisclosure(string value)
    {
        var v = value.Trim();
        if (v.Length == 0 || v.Equals("no", StringComparison.OrdinalIgnoreCase)) return (false, null, null);
        if (!v.StartsWith("yes", StringComparison.OrdinalIgnoreCase)) return (true, null, null);
        var rest = v[3..].TrimStart(',', ' ');
        foreach (var (prefix, disclose) in new[] { ("do not disclose", false), ("disclose", true) })
            if (rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return (true, disclose, rest[prefix.Length..].TrimStart(':', ' ', ',').Trim() is { Length: > 0 } why ? why : null);
        return (true, null, null);
    }

    private static List<string> Lines(string text) =>
        text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
