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

    [Fact]
    public async Task Raising_many_at_once_adds_only_the_keys_with_no_task_saved_or_raised_earlier_and_each_once()
    {
        var team = await server.WithDb(db => db.Teams.Select(t => t.Id).FirstAsync());
        var run = Guid.NewGuid();
        TaskRequest Request(string key, string title) => new(TaskKind.ReviewDue, title, "detail", null, team, null, $"test-many:{run}:{key}");
        // More than one lookup's worth, so the keys are looked up in several queries.
        var saved = Enumerable.Range(0, TaskBoard.KeysPerLookup + 1).Select(i => Request($"saved-{i}", "saved")).ToList();

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var board = scope.ServiceProvider.GetRequiredService<TaskBoard>();
            Assert.Equal(saved.Count, await board.RaiseMissingAsync(saved, CancellationToken.None));
            await scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>().SaveChangesAsync();
        }
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var board = scope.ServiceProvider.GetRequiredService<TaskBoard>();
            await board.RaiseAsync(Request("raised-earlier", "raised earlier"), CancellationToken.None);
            var again = saved.Select(r => r with { Title = "again" })
                .Append(Request("raised-earlier", "again")).Append(Request("new", "new, first")).Append(Request("new", "new, second")).ToList();
            Assert.Equal(1, await board.RaiseMissingAsync(again, CancellationToken.None));
            await scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>().SaveChangesAsync();
        }

        var titles = await server.WithDb(db => db.Tasks.Where(t => t.SourceKey!.StartsWith($"test-many:{run}:")).Select(t => t.Title).ToListAsync());
        Assert.Equal(saved.Count + 2, titles.Count);
        Assert.Equal(saved.Count, titles.Count(t => t == "saved"));
        Assert.Single(titles, "raised earlier");
        Assert.Single(titles, "new, first");
    }
}
