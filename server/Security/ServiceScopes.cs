using OffenderMgmt.Server.Common;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Security;

/// <summary>One service scope: its name, what it is for, and the RPCs it opens.</summary>
public sealed record ServiceScope(string Name, string Allows, IReadOnlySet<string> Methods);

/// <summary>
/// What a service account (another system: a court, custody, a case system) may do, by scope
/// (issue 19). Scopes are set when the account is created and carried in its token's standard
/// <c>scope</c> claim. A service may call a method that touches personal data only when one of
/// its scopes names that method; methods that touch no personal data (areas, the notification
/// period calculator) need none. Row limits beyond the method (a court reads the orders it
/// recorded) are in <see cref="DisclosurePolicy"/> and the orders service. DPA 2018 s.35(3)
/// and s.36(1) (law enforcement processing must be adequate, relevant and not excessive for
/// the purpose) is why a system gets only what its job needs.
/// </summary>
public static class ServiceScopes
{
    public const string OrdersWrite = "orders:write";
    public const string OrdersReadOwn = "orders:read-own";
    public const string PeopleMatch = "people:match";
    public const string PeopleSearch = "people:search";
    public const string ReleasesWrite = "releases:write";

    private static readonly ServiceScope[] Table =
    [
        Scope(OrdersWrite, "record orders a court made, and serve, vary or discharge the orders this account recorded",
            (V1.Orders.Descriptor, [nameof(V1.Orders.OrdersBase.CreateOrder), nameof(V1.Orders.OrdersBase.ServeOrder), nameof(V1.Orders.OrdersBase.VaryOrder), nameof(V1.Orders.OrdersBase.DischargeOrder)])),
        Scope(OrdersReadOwn, "read the orders this account recorded, and no others",
            (V1.Orders.Descriptor, [nameof(V1.Orders.OrdersBase.GetOrder), nameof(V1.Orders.OrdersBase.ListOrders)])),
        Scope(PeopleMatch, "find a person by PNC ID (SearchPeople with pnc_id only): names, date of birth and PNC ID, nothing else",
            (V1.People.Descriptor, [nameof(V1.People.PeopleBase.SearchPeople)])),
        Scope(PeopleSearch, "search people by name too (a case system that keeps people's records)",
            (V1.People.Descriptor, [nameof(V1.People.PeopleBase.SearchPeople)])),
        Scope("people:write", "create a person and correct their details",
            (V1.People.Descriptor, [nameof(V1.People.PeopleBase.CreatePerson), nameof(V1.People.PeopleBase.UpdatePerson)])),
        Scope("people:read", "read any person's record (standard level, never restricted fields)",
            (V1.People.Descriptor, [nameof(V1.People.PeopleBase.GetPerson)])),
        Scope(ReleasesWrite, "tell the force of a release from custody",
            (V1.Caseload.Descriptor, [nameof(V1.Caseload.CaseloadBase.NotifyRelease)])),
        Scope("charges:write", "tell the force of a charge",
            (V1.Caseload.Descriptor, [nameof(V1.Caseload.CaseloadBase.NotifyCharge)])),
        Scope("caseload:write", "enrol a person on a scheme",
            (V1.Caseload.Descriptor, [nameof(V1.Caseload.CaseloadBase.Enrol)])),
        Scope("caseload:read", "read managements (standard level)",
            (V1.Caseload.Descriptor, [nameof(V1.Caseload.CaseloadBase.GetManagement), nameof(V1.Caseload.CaseloadBase.ListManagements)])),
        Scope("breaches:write", "report a breach",
            (V1.Compliance.Descriptor, [nameof(V1.Compliance.ComplianceBase.RecordBreach)])),
        Scope("sightings:write", "record a sighting (an ANPR or partner system)",
            (V1.Areas.Descriptor, [nameof(V1.Areas.AreasBase.RecordSighting)])),
        Scope("zones:read", "ask which exclusion zones cover a point",
            (V1.Areas.Descriptor, [nameof(V1.Areas.AreasBase.ZonesAt)])),
        Scope("risk:write", "record a risk assessment made in another system",
            (V1.Risk.Descriptor, [nameof(V1.Risk.RiskBase.RecordAssessment)])),
        Scope("risk:read", "read the risk summary a local officer gets",
            (V1.Risk.Descriptor, [nameof(V1.Risk.RiskBase.GetRiskSummary)])),
        // Issue 18: custody sends the photographs it takes; a system that keeps vehicles, marks or
        // devices (ANPR, a custody record) adds them and reads back only what it recorded.
        Scope("photos:write", "send a person's photograph (a custody image) and retire one",
            (V1.People.Descriptor, [nameof(V1.People.PeopleBase.AddPhoto), nameof(V1.People.PeopleBase.RetirePhoto)])),
        Scope("photos:read", "read a person's photographs",
            (V1.People.Descriptor, [nameof(V1.People.PeopleBase.GetPhoto), nameof(V1.People.PeopleBase.ListPhotos)])),
        Scope("identifiers:write", "record and correct marks, vehicles, devices and online identifiers",
            (V1.People.Descriptor, [nameof(V1.People.PeopleBase.AddIdentifier), nameof(V1.People.PeopleBase.UpdateIdentifier)])),
        Scope("identifiers:read-own", "read back the identifiers this account recorded, and no others",
            (V1.People.Descriptor, [nameof(V1.People.PeopleBase.ListIdentifiers)])),
        Scope("vehicles:search", "find the people linked to a vehicle or a mark (an ANPR system)",
            (V1.People.Descriptor, [nameof(V1.People.PeopleBase.SearchByVehicle), nameof(V1.People.PeopleBase.SearchByMark)])),
        Scope("mappa:write", "refer a case to MAPPA and schedule meetings",
            (V1.Mappa.Descriptor, [nameof(V1.Mappa.MappaBase.Refer), nameof(V1.Mappa.MappaBase.ScheduleMeeting)])),
    ];

    private static readonly Dictionary<string, ServiceScope> ByName = Table.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static IReadOnlyList<ServiceScope> All => Table;

    public static bool IsKnown(string name) => ByName.ContainsKey(name);

    /// <summary>The scopes that open this method (none for a method no scope names).</summary>
    public static IEnumerable<string> Opening(string fullMethod) => Table.Where(s => s.Methods.Contains(fullMethod)).Select(s => s.Name);

    public static bool Allows(IReadOnlySet<string> scopes, string fullMethod) => scopes.Any(s => ByName.TryGetValue(s, out var scope) && scope.Methods.Contains(fullMethod));

    /// <summary>Reads a space- or comma-separated list, refusing names not in the table.</summary>
    public static IReadOnlySet<string> Parse(string? text, Validator v, string field = "scopes")
    {
        var names = (text ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var unknown in names.Where(n => !IsKnown(n)).Distinct())
            v.Add(field, $"'{Validator.Truncate(unknown)}' is not a scope; known scopes: {string.Join(", ", Table.Select(s => s.Name))}");
        return names.Where(IsKnown).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Scopes as a token's <c>scope</c> claim carries them (space-separated), tolerating names this server does not know.</summary>
    public static IReadOnlySet<string> FromClaim(string? claim) =>
        (claim ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Microsoft's short scope claim (Entra ID access tokens), and the long name .NET's inbound claim mapping gives it.</summary>
    public const string MicrosoftScopeClaim = "scp";
    public const string MappedMicrosoftScopeClaim = "http://schemas.microsoft.com/identity/claims/scope";

    /// <summary>
    /// An external identity provider's scopes: every value of the configured claim and of the
    /// standard <c>scope</c> (RFC 8693 s.4.2: space-separated) and Microsoft's <c>scp</c>
    /// claims, whether one space-separated string or a JSON array (one claim per element).
    /// </summary>
    public static IReadOnlySet<string> FromClaims(System.Security.Claims.ClaimsPrincipal user, string scopeClaim)
    {
        string[] names = [scopeClaim, TokenIssuer.ScopeClaim, MicrosoftScopeClaim, MappedMicrosoftScopeClaim];
        return user.Claims.Where(c => names.Contains(c.Type, StringComparer.Ordinal))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The refusal a service gets for a call none of its scopes opens.</summary>
    public static AccessDeniedException Refusal(string fullMethod, IReadOnlySet<string> held, string? why = null)
    {
        var opening = Opening(fullMethod).ToList();
        var needs = opening.Count == 0 ? "no service scope opens it" : $"it needs scope {string.Join(" or ", opening)}";
        var has = held.Count == 0 ? "none" : ToText(held);
        return new AccessDeniedException(why ?? $"A service account calls only what its scopes allow: {needs}; this account's scopes: {has}. Scopes are set when the account is created and changed with the server's `accounts scopes` command.",
            ErrorReason.ScopeRequired);
    }

    public static string ToText(IEnumerable<string> scopes) => string.Join(' ', scopes.Order(StringComparer.Ordinal));

    private static ServiceScope Scope(string name, string allows, params (Google.Protobuf.Reflection.ServiceDescriptor Service, string[] Methods)[] methods) =>
        new(name, allows, methods.SelectMany(m => m.Methods.Select(name => RpcAccessPolicy.Method(m.Service, name))).ToHashSet(StringComparer.Ordinal));
}
