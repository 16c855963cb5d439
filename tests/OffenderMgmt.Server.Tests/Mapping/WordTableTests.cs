using System.Reflection;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Identification;

namespace OffenderMgmt.Tests.Mapping;

/// <summary>
/// Issue 20 (T4): an enum's own name must never reach a user ("next DeviceInspection due", "(HomeVisit, …)").
/// Messages take their words from explicit <see cref="WordTable{T}"/>s; every table in the server
/// is found by reflection and must give every value its own words, none of them the raw name.
/// </summary>
public sealed class WordTableTests
{
    private static IEnumerable<(string Name, Type Enum, IDictionary<string, string> Words)> AllTables() =>
        typeof(WordTable<>).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(WordTable<>))
            .Select(f =>
            {
                var table = f.GetValue(null)!;
                var words = (System.Collections.IEnumerable)f.FieldType.GetProperty(nameof(WordTable<CheckKind>.Words))!.GetValue(table)!;
                var pairs = new Dictionary<string, string>();
                foreach (var pair in words)
                {
                    var type = pair.GetType();
                    pairs[type.GetProperty("Key")!.GetValue(pair)!.ToString()!] = (string)type.GetProperty("Value")!.GetValue(pair)!;
                }
                return ($"{f.DeclaringType!.Name}.{f.Name}", f.FieldType.GetGenericArguments()[0], (IDictionary<string, string>)pairs);
            });

    [Fact]
    public void Every_word_table_gives_every_value_its_own_words_and_never_the_enum_name()
    {
        var tables = AllTables().ToList();
        Assert.True(tables.Count >= 12, $"found only {tables.Count} tables");
        var gaps = new List<string>();
        foreach (var (name, type, words) in tables)
        {
            foreach (var value in Enum.GetNames(type))
            {
                if (!words.TryGetValue(value, out var text) || text.Trim().Length == 0) gaps.Add($"{name}: {value} has no words");
                // A name of two words ("HomeVisit") is never shown as it is.
                else if (value.Skip(1).Any(char.IsUpper) && text.Contains(value, StringComparison.Ordinal)) gaps.Add($"{name}: {value} is shown as its name");
            }
            foreach (var twice in words.GroupBy(w => w.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                gaps.Add($"{name}: {string.Join(", ", twice.Select(w => w.Key))} share \"{twice.Key}\"");
        }
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }

    [Fact]
    public void The_handover_note_says_the_next_check_and_the_last_contact_in_words()
    {
        var check = new ComplianceCheck { Kind = CheckKind.DeviceInspection, DueOn = new DateOnly(2026, 12, 5) };
        var contact = new ContactNote { Kind = ContactKind.OfficeAppointment, At = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero) };
        var note = CaseloadMessages.Handover(new HandoverSummary(2, check, 1, 0, null, contact), new DateOnly(2026, 12, 1));

        Assert.Equal("2 open checks, next device inspection due 2026-12-05 (1 overdue); last contact office appointment 2026-11-20", note);
    }

    [Fact]
    public void An_identifier_line_says_its_type_in_words()
    {
        Assert.StartsWith("Tattoo, left forearm", IdentifierRules.Describe(new PersonMark { Type = MarkType.Tattoo, BodyLocation = "left forearm" }), StringComparison.Ordinal);
        Assert.StartsWith("Other device", IdentifierRules.Describe(new PersonDevice { Type = DeviceType.Other }), StringComparison.Ordinal);
    }
}
