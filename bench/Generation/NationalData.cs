using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Bench.Generation;

/// <summary>What one benchmark data set holds: its sizes and seed name it (and its file).</summary>
public sealed record DatasetSpec(int People, int Orders, int Zones, int Seed)
{
    /// <summary>Bump when the generator changes what it builds, so old files are rebuilt.</summary>
    public const string GeneratorVersion = "1";

    public string FileName => $"national-p{People}-o{Orders}-z{Zones}-s{Seed}.db";

    public string Marker => $"bench generator {GeneratorVersion}: {People} people, {Orders} orders, {Zones} zones, seed {Seed}";
}

/// <summary>The generated national force, in memory, before it is written.</summary>
public sealed class NationalData
{
    public List<Team> Teams { get; } = [];
    public List<Officer> Officers { get; } = [];
    public List<Person> People { get; } = [];
    public List<Management> Managements { get; } = [];
    public List<Order> Orders { get; } = [];

    /// <summary>Per district (local authority code): its offender managers by scheme, and its local team.</summary>
    public Dictionary<string, DistrictStaff> Districts { get; } = new(StringComparer.Ordinal);

    public int Conditions => Orders.Sum(o => o.Conditions.Count);
    public int Zones => Orders.Sum(o => o.Conditions.OfType<ExclusionZoneCondition>().Count());
    public int ZoneAreaLinks => Orders.Sum(o => o.Conditions.OfType<ExclusionZoneCondition>().Sum(z => z.Areas.Count));
}

/// <summary>A district's public protection (VSOMT), IOM and organised crime officers.</summary>
public sealed class DistrictStaff
{
    public required Team Vsomt { get; init; }
    public required Team Iom { get; init; }
    public required Team Soc { get; init; }
    public required Team Local { get; init; }
    public List<Officer> VsomtManagers { get; } = [];
    public List<Officer> IomManagers { get; } = [];
    public List<Officer> SocOfficers { get; } = [];
    public List<Officer> LocalOfficers { get; } = [];
}
