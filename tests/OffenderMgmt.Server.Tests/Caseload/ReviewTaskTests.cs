using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Testing;
using TaskKind = OffenderMgmt.Server.Tasks.TaskKind;

namespace OffenderMgmt.Tests.CaseloadTests;

/// <summary>Cases whose review falls due soon get a review task, once; completing it moves the next review on.</summary>
public sealed class ReviewTaskTests : IDisposable
{
    private readonly DemoServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Reviews_due_in_the_next_fortnight_raise_one_task_each_and_completing_one_schedules_the_next()
    {
        var housekeeping = _server.Services.GetRequiredService<Housekeeping>();
        _ = _server.Server;  // started: housekeeping has run once
        await housekeeping.RunOnceAsync(CancellationToken.None);
        var horizon = new DateOnly(2026, 12, 10);
        var (dueSoon, tasks) = await _server.WithDb(async db => (
            await db.Managements.CountAsync(m => m.Status == Server.Caseload.ManagementStatus.Active && m.NextReviewDue <= horizon),
            // Case reviews; the demo's youth CBO has its own statutory review task (ASBCPA 2014 s.28), on the order.
            await db.Tasks.CountAsync(t => t.Kind == TaskKind.ReviewDue && t.ManagementId != null)));
        Assert.True(dueSoon > 0);
        Assert.Equal(dueSoon, tasks);

        var again = await housekeeping.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, again.Reviews);

        var manager = await _server.OfficerOfAccount("demo.manager");
        var caseload = new Caseload.CaseloadClient(await _server.As("demo.manager"));
        var review = (await caseload.ListTasksAsync(new ListTasksRequest { OfficerId = manager.ToString(), PageSize = 500 })).Tasks.First(t => t.Kind == Contracts.V1.TaskKind.ReviewDue);
        var done = await caseload.CompleteTaskAsync(new CompleteTaskRequest { Id = review.Id, Note = "Reviewed with the MAPPA chair" });
        Assert.Equal(Contracts.V1.TaskStatus.Done, done.Status);
        var next = await _server.WithDb(db => db.Managements.Where(m => m.Id == Guid.Parse(review.ManagementId)).Select(m => m.NextReviewDue).SingleAsync());
        Assert.Equal(new DateOnly(2027, 2, 26), next);
    }
}
