using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Idempotency;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Hosting;

/// <summary>Housekeeping keeps saved answers to retried writes for a week, and the blanked ones of a disposal for good.</summary>
public sealed class IdempotencyPruningTests : IDisposable
{
    private readonly DemoServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private Task<List<string>> SavedRequestIds() =>
        _server.WithDb(db => db.IdempotencyRecords.Where(r => r.Subject == "demo.service").Select(r => r.RequestId).OrderBy(id => id).ToListAsync());

    [Fact]
    public async Task A_saved_answer_goes_after_a_week_a_newer_one_stays_and_one_blanked_by_a_disposal_is_kept()
    {
        var people = new People.PeopleClient(await _server.As("demo.service"));
        await people.CreatePersonAsync(new CreatePersonRequest { RequestId = "old-request", Person = new PersonInput { Name = new PersonName { FamilyName = "Pruned" } } });
        await _server.WithDb(async db =>
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Subject = "demo.service", RequestId = "erased-request", Method = "/offendermgmt.v1.People/CreatePerson", RequestHash = "h",
                CreatedAt = ServerFactory.StartTime, ErasedAt = ServerFactory.StartTime,
            });
            await db.SaveChangesAsync();
        });
        var housekeeping = _server.Services.GetRequiredService<Housekeeping>();

        await _server.AdvanceClockAsync(TimeSpan.FromDays(6));
        await new People.PeopleClient(await _server.As("demo.service")).CreatePersonAsync(
            new CreatePersonRequest { RequestId = "new-request", Person = new PersonInput { Name = new PersonName { FamilyName = "Kept" } } });
        await housekeeping.RunOnceAsync(CancellationToken.None);
        Assert.Equal(["erased-request", "new-request", "old-request"], await SavedRequestIds());

        await _server.AdvanceClockAsync(TimeSpan.FromDays(1.5));  // the first answer is now over a week old
        await housekeeping.RunOnceAsync(CancellationToken.None);
        Assert.Equal(["erased-request", "new-request"], await SavedRequestIds());
    }
}
