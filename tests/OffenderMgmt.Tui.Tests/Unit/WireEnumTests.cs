using System.Reflection;
using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.Tests.Unit;

/// <summary>
/// The client's enums meet the proto's only through explicit tables (<see cref="WireEnum{TClient,TProto}"/>):
/// every table is found by reflection and must give every client value a proto value that reads
/// back as itself, and read every proto value (a newer server's included) as something.
/// </summary>
public sealed class WireEnumTests
{
    [Fact]
    public void Every_wire_table_covers_both_enums()
    {
        var tables = typeof(WireEnums).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(WireEnum<,>))
            .Select(f => (f.Name, Table: f.GetValue(null)!)).ToList();
        Assert.True(tables.Count >= 8, $"found only {tables.Count} tables");
        var gaps = new List<string>();
        foreach (var (name, table) in tables)
        {
            var type = table.GetType();
            var (client, proto) = (type.GetGenericArguments()[0], type.GetGenericArguments()[1]);
            var toWire = type.GetMethod("ToWire")!;
            var fromWire = type.GetMethod("FromWire")!;
            var unknown = type.GetProperty("Unknown")!.GetValue(table);
            var pairs = (System.Collections.IDictionary)type.GetProperty("Pairs")!.GetValue(table)!;
            var notOffered = ((System.Collections.IEnumerable)type.GetProperty("NotOffered")!.GetValue(table)!).Cast<object>().ToList();
            foreach (var value in Enum.GetValues(client))
            {
                // A value that stands for "the server sent something new" need not go back on the wire.
                if (Equals(value, unknown) && !pairs.Contains(value)) continue;
                try
                {
                    if (!Equals(fromWire.Invoke(table, [toWire.Invoke(table, [value])]), value)) gaps.Add($"{name}: {value} does not come back");
                }
                catch (TargetInvocationException) { gaps.Add($"{name}: {client.Name}.{value} has no proto value"); }
            }
            foreach (var value in Enum.GetValues(proto))
                if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0 && !pairs.Values.Cast<object>().Contains(value) && !notOffered.Contains(value))
                    gaps.Add($"{name}: {proto.Name}.{value} has no client value");
        }
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }

    [Fact]
    public void A_value_from_a_newer_server_reads_as_unknown()
    {
        Assert.Equal(UserRole.Unknown, WireEnums.Roles.FromWire((Contracts.V1.Role)99));
        Assert.Equal(Verdict.Unknown, WireEnums.Verdicts.FromWire((Contracts.V1.Verdict)99));
        Assert.Equal(Risk.Unknown, WireEnums.Risks.FromWire((Contracts.V1.RiskLevel)99));
    }
}
