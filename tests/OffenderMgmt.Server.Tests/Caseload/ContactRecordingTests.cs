using static OffenderMgmt.Server.Audit.AuditLog;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.CaseloadTests;

/// <summary>
/// RecordContact through the call pipeline: the note is saved by the write's unit of work with
/// its audit entry (ContactLog does not save on its own), and each bad request is answered with
/// its status and changes nothing.
/// </summary>
public sealed class ContactRecordingTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private readonly DemoServerFactory _server = server;

    private async Task<Caseload.CaseloadClient> ManagerAsync() => new(await _server.As("demo.manager"));

    private Task<int> NotesAsync(string text) => _server.WithDb(db => db.ContactNotes.CountAsync(n => n.Text == text));

    [Fact]
    public async Task A_contact_recorded_is_stored_once_listed_for_the_person_and_audited_with_its_id()
    {
        var person = (await _server.CaseOf("demo.manager")).ToString();
        var caseload = await ManagerAsync();

        var note = await caseload.RecordContactAsync(new RecordContactRequest { PersonId = person, Kind = ContactKind.HomeVisit, Text = "recorded-once visit" });

        Assert.Equal(1, await NotesAsync("recorded-once visit"));
        var listed = await caseload.ListContactsAsync(new ListContactsRequest { PersonId = person });
        Assert.Contains(listed.Contacts, c => c.Id == note.Id && c.Text == "recorded-once visit");
        Assert.True(await _server.WithDb(db => db.AuditEntries.Touching(db, note.Id).AnyAsync()));
    }

    [Fact]
    public async Task A_contact_for_a_person_nobody_has_is_not_found_and_stores_nothing()
    {
        var caseload = await ManagerAsync();

        await RpcAssert.FailsWith(StatusCode.NotFound, "NOT_FOUND", () => caseload.RecordContactAsync(
            new RecordContactRequest { PersonId = Guid.NewGuid().ToString(), Kind = ContactKind.Phone, Text = "for nobody" }).ResponseAsync);

        Assert.Equal(0, await NotesAsync("for nobody"));
    }

    [Fact]
    public async Task A_contact_under_another_persons_management_is_refused_on_management_id_and_stores_nothing()
    {
        var person = await _server.CaseOf("demo.manager");
        var someoneElses = await _server.WithDb(db => db.Managements.Where(m => m.PersonId != person).Select(m => m.Id).FirstAsync());
        var caseload = await ManagerAsync();

        await RpcAssert.FailsOnField("management_id", () => caseload.RecordContactAsync(new RecordContactRequest
        {
            PersonId = person.ToString(), ManagementId = someoneElses.ToString(), Kind = ContactKind.Phone, Text = "wrong management",
        }).ResponseAsync);

        Assert.Equal(0, await NotesAsync("wrong management"));
    }

    [Fact]
    public async Task A_contact_without_text_is_refused_on_text_and_stores_nothing()
    {
        var person = (await _server.CaseOf("demo.manager")).ToString();
        var caseload = await ManagerAsync();
        var before = await _server.WithDb(db => db.ContactNotes.CountAsync());

        await RpcAssert.FailsOnField("text", () => caseload.RecordContactAsync(new RecordContactRequest { PersonId = person, Kind = ContactKind.Phone, Text = "" }).ResponseAsync);

        Assert.Equal(before, await _server.WithDb(db => db.ContactNotes.CountAsync()));
    }
}
