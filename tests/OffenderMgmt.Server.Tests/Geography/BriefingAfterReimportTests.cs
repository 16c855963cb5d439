using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.GeographyTests;

/// <summary>Re-importing the force's areas moves people between beats in the briefings at once.</summary>
public sealed class BriefingAfterReimportTests : IDisposable
{
    private readonly DemoServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_resident_of_a_redrawn_beat_is_briefed_in_the_new_beat_that_holds_their_home()
    {
        var person = await _server.CaseOf("demo.manager", skip: 4);
        var home = await _server.WithDb(db => db.People.AsNoTracking().Where(p => p.Id == person).Select(p => p.Address!).SingleAsync());
        var areas = new Areas.AreasClient(await _server.Officer("briefing"));
        Assert.Contains((await areas.GetBriefingAsync(new GetBriefingRequest { AreaCode = home.AreaCode })).Residents, r => r.PersonId == person.ToString());

        // A new force file: one square beat round the person's home, every old beat gone.
        var (lat, lon) = (home.Latitude, home.Longitude);
        var square = $"[[[{lon - 0.01},{lat - 0.01}],[{lon + 0.01},{lat - 0.01}],[{lon + 0.01},{lat + 0.01}],[{lon - 0.01},{lat + 0.01}],[{lon - 0.01},{lat - 0.01}]]]";
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var file = $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ward_code":"X01","ward_name":"New Beat"},"geometry":{"type":"Polygon","coordinates":{{{square}}}}}]}""";
            await scope.ServiceProvider.GetRequiredService<AreaImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(file)), new AreaPropertyNames(), CancellationToken.None);
        }

        var briefing = await areas.GetBriefingAsync(new GetBriefingRequest { AreaCode = "X01" });
        Assert.Contains(briefing.Residents, r => r.PersonId == person.ToString());
        var expected = await _server.WithDb(db => db.People.Where(p => p.Address != null && p.Address.AreaCode == "X01" &&
            (db.Managements.Any(m => m.PersonId == p.Id && m.Status == Server.Caseload.ManagementStatus.Active) ||
             db.Orders.Any(o => o.PersonId == p.Id && o.Status != Server.Orders.OrderStatus.Discharged && o.Status != Server.Orders.OrderStatus.Expired)))
            .Select(p => p.Id).ToListAsync());
        Assert.Equal(expected.Order(), briefing.Residents.Select(r => Guid.Parse(r.PersonId)).Order());
    }
}
