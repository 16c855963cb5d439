using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Tasks;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.CaseloadTests;

/// <summary>A task's source key raises it once: within one unit of work, and across them.</summary>
public sealed class TaskBoardTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    [Fact]
    public async Task A_source_key_raised_twice_in_one_unit_of_work_and_again_in_the_next_gives_one_task()
    {
        var team = await server.WithDb(db => db.Teams.Select(t => t.Id).FirstAsync());
        var key = $"test-once:{Guid.NewGuid()}";
        TaskRequest Request(string title) => new(TaskKind.ReviewDue, title, "detail", null, team, null, key);

        WorkTask first;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var board = scope.ServiceProvider.GetRequiredService<TaskBoard>();
            var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
            first = await board.RaiseAsync(Request("first"), CancellationToken.None);
            var again = await board.RaiseAsync(Request("second"), CancellationToken.None);
            Assert.Same(first, again);
            Assert.Equal(EntityState.Added, db.Entry(first).State);
            await db.SaveChangesAsync();
        }
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var board = scope.ServiceProvider.GetRequiredService<TaskBoard>();
            var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
            var later = await board.RaiseAsync(Request("third"), CancellationToken.None);
            Assert.Equal(first.Id, later.Id);
            Assert.NotEqual(EntityState.Added, db.Entry(later).State);
        }
        Assert.Equal(["first"], await server.WithDb(db => db.Tasks.Where(t => t.SourceKey == key).Select(t => t.Title).ToListAsync()));
    }
}
