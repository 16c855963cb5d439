using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.GeographyTests;

/// <summary>
/// The race the briefing view must win: a change committed while the view is reloading a
/// person, after it has read them, is not lost; the next briefing reloads them again.
/// </summary>
public sealed class BriefingViewRaceTests : IDisposable
{
    /// <summary>Holds the view's read of people (when armed) until the test lets it go.</summary>
    private sealed class PeopleReadGate : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _armed;

        public void Arm() => _armed = true;
        public Task Reached => _reached.Task;
        public void Release() => _release.TrySetResult();

        /// <summary>Once every row of the view's query for people is read: what it read is then fixed.</summary>
        public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            // The view's query for people: from People, keeping those with an active case or a live order.
            if (_armed && command.CommandText.Contains("FROM \"People\"", StringComparison.Ordinal) && command.CommandText.Contains("\"Managements\"", StringComparison.Ordinal))
            {
                _armed = false;
                _reached.TrySetResult();
                await _release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            return result;
        }
    }

    private sealed class GatedServer : ServerFactory
    {
        public GatedServer() : base(demo: true) { }

        public PeopleReadGate Gate { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureDbContext<OffenderMgmtDb>(options => options.AddInterceptors(Gate)));
        }
    }

    private readonly GatedServer _server = new();

    public void Dispose() => _server.Dispose();

    private static async Task<BriefingPerson> Briefed(Areas.AreasClient areas, string areaCode, string personId) =>
        (await areas.GetBriefingAsync(new GetBriefingRequest { AreaCode = areaCode })).Residents.Single(r => r.PersonId == personId);

    private Task Rename(Guid personId, string familyName) => _server.WithDb(async db =>
    {
        var person = await db.People.SingleAsync(p => p.Id == personId);
        person.FamilyName = familyName;
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_change_committed_while_the_view_reloads_that_person_is_in_the_next_briefing()
    {
        var person = await _server.CaseOf("demo.manager", skip: 3);
        var area = await _server.WithDb(db => db.People.Where(p => p.Id == person).Select(p => p.Address!.AreaCode!).SingleAsync());
        var areas = new Areas.AreasClient(await _server.Officer("briefing"));
        await Briefed(areas, area, person.ToString());  // the view is built

        await Rename(person, "Firstchange");
        _server.Gate.Arm();
        var reloading = Briefed(areas, area, person.ToString());   // reloads the person, and is held having read them
        await _server.Gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await Rename(person, "Secondchange");                       // commits while the reload holds the first change
        _server.Gate.Release();

        await reloading;
        Assert.Equal("Secondchange", (await Briefed(areas, area, person.ToString())).Name.FamilyName);
    }
}
