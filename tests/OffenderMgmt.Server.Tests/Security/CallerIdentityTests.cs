using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Testing;
using OffenderMgmt.Tests.MultiInstance;
using OffenderMgmt.Tests.Persistence;

namespace OffenderMgmt.Tests.Security;

/// <summary>
/// WhoAmI answers the display name, collar number and team from memory (issue 13 item 3,
/// <see cref="Server.Security.CallerIdentities"/>): a change committed before the call is in its
/// answer all the same.
/// </summary>
public sealed class CallerIdentityTests : IClassFixture<ServerFactory>
{
    private readonly ServerFactory _server;

    public CallerIdentityTests(ServerFactory server) => _server = server;

    [Fact]
    public async Task A_changed_display_name_and_team_are_in_the_next_WhoAmI()
    {
        var (username, officer, teams) = await IdentityChanges.NewOfficerAsync(_server, "one");
        var auth = new Auth.AuthClient(await _server.As(username));
        var before = await auth.WhoAmIAsync(new WhoAmIRequest());
        Assert.Equal((username, teams.First.ToString(), "Team one first"), (before.DisplayName, before.TeamId, before.TeamName));

        await IdentityChanges.RenameAndMoveAsync(_server, username, officer, teams.Second);

        var after = await auth.WhoAmIAsync(new WhoAmIRequest());
        Assert.Equal(("Renamed one", teams.Second.ToString(), "Team one second"), (after.DisplayName, after.TeamId, after.TeamName));
    }
}

/// <summary>The same across instances on one PostgreSQL database: changed through A, answered by B (woken) and C (not listening).</summary>
public sealed class CallerIdentityAcrossInstancesTests(ViewsFixture fixture) : IClassFixture<ViewsFixture>
{
    [PostgresFact]
    public async Task A_display_name_and_team_changed_through_A_are_in_the_next_WhoAmI_of_every_instance()
    {
        var instances = fixture.Instances!;
        var (username, officer, teams) = await IdentityChanges.NewOfficerAsync(instances.A, "three");
        var clients = new List<Auth.AuthClient>();
        foreach (var instance in instances.All)
        {
            var auth = new Auth.AuthClient(await instance.As(username));
            // Each instance remembers the identity first.
            Assert.Equal("Team three first", (await auth.WhoAmIAsync(new WhoAmIRequest())).TeamName);
            clients.Add(auth);
        }

        await IdentityChanges.RenameAndMoveAsync(instances.A, username, officer, teams.Second);

        foreach (var auth in clients)
        {
            var after = await auth.WhoAmIAsync(new WhoAmIRequest());
            Assert.Equal(("Renamed three", teams.Second.ToString(), "Team three second"), (after.DisplayName, after.TeamId, after.TeamName));
        }
    }
}

internal static class IdentityChanges
{
    /// <summary>Two new teams, an officer in the first, and a local officer's account for them.</summary>
    public static async Task<(string Username, Guid Officer, (Guid First, Guid Second) Teams)> NewOfficerAsync(ServerFactory server, string tag)
    {
        var first = new Team { Name = $"Team {tag} first", Kind = TeamKind.LocalCommunity, Phone = "01234 567890" };
        var second = new Team { Name = $"Team {tag} second", Kind = TeamKind.LocalCommunity, Phone = "01234 567891" };
        var officer = new Officer
        {
            CollarNumber = $"ID{tag.ToUpperInvariant()}", Rank = "PC", GivenName = "Identity", FamilyName = tag, TeamId = first.Id,
            Role = OfficerRole.LocalOfficer, InPostFrom = new DateOnly(2020, 1, 1),
        };
        await server.WithDb(async db =>
        {
            db.Teams.AddRange(first, second);
            db.Officers.Add(officer);
            await db.SaveChangesAsync();
        });
        var username = $"identity.{tag}";
        await server.CreateAccountAsync(username, Server.Security.Role.LocalOfficer, officer.Id);
        return (username, officer.Id, (first.Id, second.Id));
    }

    /// <summary>The account's display name changed and its officer moved team, committed as any write is.</summary>
    public static Task RenameAndMoveAsync(ServerFactory server, string username, Guid officer, Guid team) =>
        server.WithDb(async db =>
        {
            var account = await db.UserAccounts.SingleAsync(a => a.Username == username);
            account.DisplayName = $"Renamed {username["identity.".Length..]}";
            (await db.Officers.SingleAsync(o => o.Id == officer)).TeamId = team;
            await db.SaveChangesAsync();
        });
}
