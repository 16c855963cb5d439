using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Officers;

namespace OffenderMgmt.Testing;

/// <summary>Finds the demo force's well-known people and officers in a running test server.</summary>
public static class DemoCastLookup
{
    public static Task<Guid> OfficerOfAccount(this ServerFactory server, string username) =>
        server.WithDb(db => db.UserAccounts.Where(a => a.Username == username).Select(a => a.OfficerId!.Value).SingleAsync());

    /// <summary>A person the given account's officer holds a case for (a registered sex offender by default), the n-th by name.</summary>
    public static Task<Guid> CaseOf(this ServerFactory server, string username, Register register = Register.RegisteredSexOffender, int skip = 0) =>
        server.WithDb(async db =>
        {
            var officer = await db.UserAccounts.Where(a => a.Username == username).Select(a => a.OfficerId).SingleAsync();
            return await db.Managements
                .Where(m => m.ResponsibleOfficerId == officer && m.Register == register && m.Status == ManagementStatus.Active)
                .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => p)
                .Where(p => p.CustodyStatus == Server.People.CustodyStatus.InCommunity)
                .OrderBy(p => p.SortName).ThenBy(p => p.Id).Select(p => p.Id).Skip(skip).FirstAsync();
        });

    /// <summary>An officer of the given role in the given kind of team, the n-th by collar number.</summary>
    public static Task<Guid> Officer(this ServerFactory server, TeamKind team, OfficerRole role, int skip = 0) =>
        server.WithDb(db => db.Officers
            .Where(o => o.Role == role && db.Teams.Any(t => t.Id == o.TeamId && t.Kind == team) && o.InPostTo == null)
            .OrderBy(o => o.CollarNumber).Select(o => o.Id).Skip(skip).FirstAsync());
}
