using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Caseload;

/// <summary>Contacts with managed people: visits, calls, appointments, and what was said.</summary>
public sealed class ContactLog(OffenderMgmtDb db, Caller caller, ForceClock clock)
{
    public async Task<ContactNote> RecordAsync(Guid personId, Guid? managementId, DateTimeOffset? at, ContactKind kind, string text, CancellationToken cancellationToken)
    {
        var v = new Validator();
        v.Enum("kind", kind);
        var words = v.Required("text", text, 20_000);
        var when = at ?? clock.Now;
        if (when > clock.Now.AddMinutes(5)) v.Add("at", "must not be in the future");
        v.ThrowIfInvalid();
        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken)) throw new NotFoundException("person", personId.ToString(), "person_id");
        if (managementId is { } m && !await db.Managements.AnyAsync(x => x.Id == m && x.PersonId == personId, cancellationToken))
            throw new ValidationException("management_id", "is not a management of this person");
        var note = new ContactNote { PersonId = personId, ManagementId = managementId, At = when, Kind = kind, Text = words, OfficerId = caller.OfficerId, RecordedBy = caller.Subject };
        db.ContactNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
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
