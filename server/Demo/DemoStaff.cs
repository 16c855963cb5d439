using OffenderMgmt.Server.Officers;

namespace OffenderMgmt.Server.Demo;

/// <summary>
/// The demo force's teams and officers: a VSOMT of ten accredited offender managers (two
/// part-time, one who has already left with cases still in their name) and an unaccredited
/// newcomer; an IOM team of six; a serious and organised crime unit; and a local community
/// team for each district.
/// </summary>
internal sealed class DemoStaff(DemoRandom random, DateOnly today, DemoForce force)
{
    private int _collar = 4100;

    public void Build(IReadOnlyList<(string Code, string Name)> districts)
    {
        var cast = force.Cast;
        cast.VsomtTeam = Team("Violent and Sexual Offender Management Team", TeamKind.Vsomt, null, "01234 842210");
        cast.IomTeam = Team("Integrated Offender Management", TeamKind.Iom, null, "01582 394120");
        cast.SocTeam = Team("Serious and Organised Crime Unit", TeamKind.SeriousOrganisedCrime, null, "01234 842330");
        foreach (var (code, name) in districts)
            cast.LocalTeams[code] = Team($"{name} Community Policing", TeamKind.LocalCommunity, code, "101");

        cast.VsomtSupervisor = Officer(cast.VsomtTeam, OfficerRole.Supervisor, Accreditations.ViolentAndSexualOffenders, 37, "DS");
        for (var i = 0; i < 10; i++)
        {
            // Two managers work part-time but carry a full caseload, as in the inspection.
            var hours = i switch { 2 => 30, 5 => 32, _ => 37 };
            cast.VsomtManagers.Add(Officer(cast.VsomtTeam, OfficerRole.OffenderManager, Accreditations.ViolentAndSexualOffenders, hours, "DC"));
        }
        cast.Leaver = cast.VsomtManagers[^1];
        cast.Leaver.InPostTo = today.AddDays(-21);  // moved post three weeks ago; nobody took the cases
        cast.Unaccredited = Officer(cast.VsomtTeam, OfficerRole.OffenderManager, Accreditations.None, 37, "PC");
        cast.Unaccredited.InPostFrom = today.AddDays(-45);

        cast.IomSupervisor = Officer(cast.IomTeam, OfficerRole.Supervisor, Accreditations.Iom, 37, "DS");
        for (var i = 0; i < 6; i++)
            cast.IomManagers.Add(Officer(cast.IomTeam, OfficerRole.OffenderManager, Accreditations.Iom, 37, "PC"));

        Officer(cast.SocTeam, OfficerRole.Supervisor, Accreditations.SeniorInvestigatingOfficer, 37, "DI");
        cast.SocOfficers.Add(Officer(cast.SocTeam, OfficerRole.SeniorInvestigatingOfficer, Accreditations.SeniorInvestigatingOfficer, 37, "DI"));
        cast.SocOfficers.Add(Officer(cast.SocTeam, OfficerRole.SeniorInvestigatingOfficer, Accreditations.SeniorInvestigatingOfficer, 37, "DCI"));
        cast.SocOfficers.Add(Officer(cast.SocTeam, OfficerRole.OffenderManager, Accreditations.None, 37, "DC"));
        cast.Analyst = Officer(cast.SocTeam, OfficerRole.Analyst, Accreditations.None, 37, "");

        foreach (var (code, team) in cast.LocalTeams)
        {
            Officer(team, OfficerRole.Supervisor, Accreditations.None, 37, "PS");
            for (var i = 0; i < 3; i++)
            {
                var officer = Officer(team, OfficerRole.LocalOfficer, Accreditations.None, 37, "PC");
                if (code == "E06000032" && i == 0) cast.LutonLocalOfficer = officer;
            }
            for (var i = 0; i < 2; i++) Officer(team, OfficerRole.Pcso, Accreditations.None, 37, "PCSO");
        }
    }

    private Team Team(string name, TeamKind kind, string? district, string phone)
    {
        var team = new Team { Id = random.NextId(), Name = name, Kind = kind, DistrictCode = district, Phone = phone };
        force.Teams.Add(team);
        return team;
    }

    private Officer Officer(Team team, OfficerRole role, Accreditations accreditations, double hours, string rank)
    {
        var given = random.Pick(DemoNames.OfficerGivenNames);
        var family = random.Pick(DemoNames.FamilyNames);
        var collar = (_collar += random.Next(3, 40)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var officer = new Officer
        {
            Id = random.NextId(),
            CollarNumber = collar,
            Rank = rank,
            GivenName = given,
            FamilyName = family,
            TeamId = team.Id,
            Role = role,
            Accreditations = accreditations,
            ContractedHours = hours,
            InPostFrom = today.AddDays(-random.Next(200, 3000)),
            Phone = $"07700 9{random.Next(10000, 99999)}",
            Email = $"{given.ToLowerInvariant()}.{family.ToLowerInvariant().Replace("'", "")}.{collar}@bedfordshire.police.example",
        };
        force.Officers.Add(officer);
        return officer;
    }
}
