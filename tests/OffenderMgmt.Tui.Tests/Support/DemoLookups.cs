using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tui.Tests.Support;

/// <summary>Finds demo records to arrange a test (the tests then act only through the client).</summary>
public static class DemoLookups
{
    /// <summary>A person with an active case held by some other officer than the account's, the n-th by id.</summary>
    public static async Task<string> SomeoneElsesCase(this ServerFactory server, string username, int skip = 0)
    {
        var officer = await server.OfficerOfAccount(username);
        return (await server.WithDb(db => db.Managements
            .Where(m => m.Status == ManagementStatus.Active && m.ResponsibleOfficerId != null && m.ResponsibleOfficerId != officer &&
                        !db.Orders.Any(o => o.PersonId == m.PersonId && o.LeadOfficerId == officer))
            .OrderBy(m => m.PersonId).Select(m => m.PersonId).Skip(skip).FirstAsync())).ToString();
    }

    /// <summary>A person the account's officer holds a case for who has an order with conditions (led by that officer).</summary>
    public static async Task<string> OwnCaseWithAnOrder(this ServerFactory server, string username)
    {
        var officer = await server.OfficerOfAccount(username);
        return (await server.WithDb(db => db.Orders
            .Where(o => o.LeadOfficerId == officer && o.Conditions.Count > 0 &&
                        db.Managements.Any(m => m.PersonId == o.PersonId && m.ResponsibleOfficerId == officer && m.Status == ManagementStatus.Active))
            .OrderBy(o => o.PersonId).Select(o => o.PersonId).FirstAsync())).ToString();
    }

    /// <summary>An open check on one of the account's own cases that can be recorded today, the n-th by due date.</summary>
    public static async Task<(string CheckId, string PersonId)> RecordableCheckOf(this ServerFactory server, string username, int skip = 0)
    {
        var officer = await server.OfficerOfAccount(username);
        var today = DateOnly.FromDateTime(ServerFactory.StartTime.UtcDateTime);
        var check = await server.WithDb(db => db.ComplianceChecks
            .Where(c => c.Status == CheckStatus.Open && c.OpensOn <= today &&
                        db.Managements.Any(m => m.Id == c.ManagementId && m.ResponsibleOfficerId == officer))
            .OrderBy(c => c.DueOn).ThenBy(c => c.Id).Skip(skip).Select(c => new { c.Id, c.PersonId }).FirstAsync());
        return (check.Id.ToString(), check.PersonId.ToString());
    }
}
