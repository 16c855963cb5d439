using System.Globalization;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Demo;

namespace OffenderMgmt.Bench.Generation;

/// <summary>
/// Teams and officers for every district (local authority) in England, sized to its caseload:
/// about 50 cases per offender manager, as the inspection found, so a national run has a few
/// thousand officers and contact lookups in a briefing hit a realistically sized table.
/// </summary>
public sealed class NationalStaff(DemoRandom random, DateOnly today, NationalData data)
{
    public const int CasesPerManager = 50;
    private int _collar = 10_000;

    /// <param name="caseload">Per district: how many people live there under VSOMT, IOM and SOC management.</param>
    public void Build(IReadOnlyDictionary<string, (int Vsomt, int Iom, int Soc)> caseload)
    {
        foreach (var (district, (vsomt, iom, soc)) in caseload.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var staff = new DistrictStaff
            {
                Vsomt = Team($"{district} Public Protection Unit (VSOMT)", TeamKind.Vsomt, district),
                Iom = Team($"{district} Integrated Offender Management", TeamKind.Iom, district),
                Soc = Team($"{district} Serious and Organised Crime", TeamKind.SeriousOrganisedCrime, district),
                Local = Team($"{district} Community Policing", TeamKind.LocalCommunity, district),
            };
            Officer(staff.Vsomt, OfficerRole.Supervisor, Accreditations.ViolentAndSexualOffenders, "DS");
            Officer(staff.Iom, OfficerRole.Supervisor, Accreditations.Iom, "DS");
            for (var i = 0; i < Managers(vsomt); i++) staff.VsomtManagers.Add(Officer(staff.Vsomt, OfficerRole.OffenderManager, Accreditations.ViolentAndSexualOffenders, "DC"));
            for (var i = 0; i < Managers(iom); i++) staff.IomManagers.Add(Officer(staff.Iom, OfficerRole.OffenderManager, Accreditations.Iom, "PC"));
            for (var i = 0; i < Managers(soc); i++) staff.SocOfficers.Add(Officer(staff.Soc, OfficerRole.SeniorInvestigatingOfficer, Accreditations.SeniorInvestigatingOfficer, "DI"));
            for (var i = 0; i < 3; i++) staff.LocalOfficers.Add(Officer(staff.Local, OfficerRole.LocalOfficer, Accreditations.None, "PC"));
            data.Districts[district] = staff;
        }
    }

    private static int Managers(int cases) => Math.Max(1, (cases + CasesPerManager - 1) / CasesPerManager);

    private Team Team(string name, TeamKind kind, string district)
    {
        var team = new Team { Id = random.NextId(), Name = name, Kind = kind, DistrictCode = district, Phone = $"0{random.Next(1100, 1999)} {random.Next(100000, 999999)}" };
        data.Teams.Add(team);
        return team;
    }

    private Officer Officer(Team team, OfficerRole role, Accreditations accreditations, string rank)
    {
        var given = random.Pick(BenchNames.OfficerGivenNames);
        var family = random.Pick(BenchNames.FamilyNames);
        var collar = (_collar += random.Next(1, 9)).ToString(CultureInfo.InvariantCulture);
        var officer = new Officer
        {
            Id = random.NextId(), CollarNumber = collar, Rank = rank, GivenName = given, FamilyName = family, TeamId = team.Id,
            Role = role, Accreditations = accreditations, ContractedHours = random.Chance(0.1) ? 30 : 37,
            InPostFrom = today.AddDays(-random.Next(200, 4000)), Phone = $"07700 9{random.Next(10000, 99999)}",
            Email = $"{given.ToLowerInvariant()}.{family.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal)}.{collar}@police.example",
        };
        data.Officers.Add(officer);
        return officer;
    }
}
