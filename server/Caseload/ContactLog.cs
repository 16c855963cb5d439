using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Caseload;

/// <summary>Contacts with managed people: visits, calls, appointments, and what was said.</summary>
public sealed class ContactLog(OffenderMgmtDb db, Caller caller, ForceClock clock)
{
    /// <summary>Adds the note to the unit of work (a write RPC's, which saves it with its audit entry).</summary>
    public async Task<ContactNote> RecordAsync(Guid personId, Guid? managementId, DateTimeOffset? at, ContactKind kind, string text, CancellationToken cancellationToken)
    {
        var v = new Validator();
        v.Enum("kind", kind);
        var words = v.Required("text", text, 20_000);
        var when = at ?? clock.Now;
        if (when > clock.Now.AddMinutes(5)) v.Add("at", "must not be in the future");
        v.ThrowIfInvalid();
        // That the person exists and the caller may change their record is checked by the caller
        // (DisclosurePolicy.EnsureMayEditPersonAsync) in the same write turn; asking again here
        // was a second query inside the turn every write waits for.
        if (managementId is { } m && !await db.Managements.AnyAsync(x => x.Id == m && x.PersonId == personId, cancellationToken))
            throw new ValidationException("management_id", "is not a management of this person");
        var note = new ContactNote { PersonId = personId, ManagementId = managementId, At = when, Kind = kind, Text = words, OfficerId = caller.OfficerId, RecordedBy = caller.Subject };
        // Saved with the call's audit entry, in the unit of work's one SaveChanges
        // (UnitOfWorkInterceptor): a save of its own here cost the write turn a second round of
        // change detection and commands. The id is the client-generated key, set by Add.
        db.ContactNotes.Add(note);
        return note;
    }

    public async Task<(IReadOnlyList<ContactNote> Contacts, string Next)> ListAsync(Guid personId, int requestedPageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var pageSize = Paging.PageSize(requestedPageSize);
        var after = Paging.Decode(pageToken, 1);
        var notes = db.ContactNotes.AsNoTracking().Where(c => c.PersonId == personId);
        if (after is not null)
        {
            var last = Guid.TryParse(after[0], out var g) ? g : throw new ValidationException("page_token", "is not a page token this list returned");
            notes = notes.Where(c => c.Id.CompareTo(last) < 0);
        }
        var page = await notes.OrderByDescending(c => c.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        return (page.Take(pageSize).ToList(), page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Id.ToString()) : "");
    }
}
