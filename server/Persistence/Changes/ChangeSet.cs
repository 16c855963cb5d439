using System.Text.Json;
using System.Text.Json.Serialization;

namespace OffenderMgmt.Server.Persistence.Changes;

/// <summary>
/// What one committed transaction changed, as far as the in-memory views care: the people,
/// orders and conditions whose briefing facts must be reloaded, and whether the zone index, the
/// officers and teams, the areas or the alerts changed. Stored as the change-log row's text, so
/// every instance applies the same change; a transaction touching more than
/// <see cref="MaxIds"/> records says "everything" instead (an area re-import re-files every
/// address), which keeps every row small.
/// </summary>
public sealed class ChangeSet
{
    public const int MaxIds = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public HashSet<Guid> People { get; init; } = [];
    public HashSet<Guid> Orders { get; init; } = [];
    public HashSet<Guid> Conditions { get; init; } = [];
    /// <summary>Officers or teams changed (the briefing's contacts).</summary>
    public bool Contacts { get; set; }
    /// <summary>An account was added or removed, or its display name changed (what WhoAmI answers, see <see cref="Security.CallerIdentities"/>).</summary>
    public bool Accounts { get; set; }
    public bool Zones { get; set; }
    public bool Alerts { get; set; }
    public bool Areas { get; set; }
    /// <summary>Too many records to list, or a view must be rebuilt: reload everything.</summary>
    public bool Everything { get; set; }

    [JsonIgnore]
    public bool IsEmpty => !Contacts && !Accounts && !Zones && !Alerts && !Areas && !Everything && People.Count == 0 && Orders.Count == 0 && Conditions.Count == 0;

    /// <summary>Whether the briefing view has anything to reload.</summary>
    [JsonIgnore]
    public bool ForBriefings => Everything || Areas || Contacts || People.Count > 0 || Orders.Count > 0 || Conditions.Count > 0;

    /// <summary>A change that makes every view reload everything (after the log was missed).</summary>
    public static ChangeSet All() => new() { Everything = true, Contacts = true, Accounts = true, Zones = true, Alerts = true, Areas = true };

    public void Add(ChangeSet other)
    {
        People.UnionWith(other.People);
        Orders.UnionWith(other.Orders);
        Conditions.UnionWith(other.Conditions);
        Contacts |= other.Contacts;
        Accounts |= other.Accounts;
        Zones |= other.Zones;
        Alerts |= other.Alerts;
        Areas |= other.Areas;
        Everything |= other.Everything;
    }

    public string ToJson()
    {
        if (People.Count + Orders.Count + Conditions.Count > MaxIds)
        {
            var everything = new ChangeSet { Contacts = Contacts, Accounts = Accounts, Zones = Zones, Alerts = Alerts, Areas = Areas, Everything = true };
            return JsonSerializer.Serialize(everything, Json);
        }
        return JsonSerializer.Serialize(this, Json);
    }

    /// <summary>A row's text read back; text this version cannot read means "reload everything" (never "nothing").</summary>
    public static ChangeSet FromJson(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<ChangeSet>(text, Json) ?? All();
        }
        catch (JsonException)
        {
            return All();
        }
    }
}
