using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Mappa;

/// <summary>
/// Which MAPPA cases a partner-agency caller may see: those on the agenda of a meeting their
/// agency is invited to or attended (recent or to come). MAPPA Guidance chapter 9 ("Information
/// sharing"): information is shared with the agencies that need it to manage the risk, and no
/// further. Worked out once per call.
/// </summary>
public sealed class PartnerMeetingScope(OffenderMgmtDb db, Caller caller, MappaAgendaLoader agendas, IOptions<MappaOptions> options, ForceClock clock)
{
    private HashSet<Guid>? _people;
    private IReadOnlyList<MappaMeeting>? _meetings;
    private string? _agency;
    private bool _agencyLoaded;

    /// <summary>The agency the calling partner account speaks for; null for anyone else or an account without one.</summary>
    public async Task<string?> AgencyAsync(CancellationToken cancellationToken)
    {
        if (_agencyLoaded) return _agency;
        _agency = caller.Role == Role.PartnerAgency
            ? await db.PartnerAgencyAccounts.AsNoTracking().Where(a => a.Username == caller.Subject).Select(a => a.Agency).FirstOrDefaultAsync(cancellationToken)
            : null;
        _agencyLoaded = true;
        return _agency;
    }

    /// <summary>The meetings the caller's agency is part of, in the window a partner may see.</summary>
    public async Task<IReadOnlyList<MappaMeeting>> MeetingsAsync(CancellationToken cancellationToken)
    {
        if (_meetings is not null) return _meetings;
        var agency = await AgencyAsync(cancellationToken);
        if (agency is null) return _meetings = [];
        var from = clock.Today.AddDays(-options.Value.PartnerSeesMeetingsForDays);
        var recent = await db.MappaMeetings.AsNoTracking().Where(m => m.HeldOn >= from).ToListAsync(cancellationToken);
        return _meetings = recent.Where(m => m.Includes(agency)).ToList();
    }

    public async Task<bool> AttendsAsync(MappaMeeting meeting, CancellationToken cancellationToken) =>
        (await MeetingsAsync(cancellationToken)).Any(m => m.Id == meeting.Id);

    /// <summary>Whether the person is on the agenda of one of the caller's meetings.</summary>
    public async Task<bool> SeesAsync(Guid personId, CancellationToken cancellationToken) =>
        (await PeopleAsync(cancellationToken)).Contains(personId);

    public async Task<IReadOnlySet<Guid>> PeopleAsync(CancellationToken cancellationToken)
    {
        if (_people is not null) return _people;
        var people = new HashSet<Guid>();
        foreach (var meeting in await MeetingsAsync(cancellationToken))
            foreach (var entry in (await agendas.AgendaAsync(meeting, cancellationToken)).Entries)
                people.Add(entry.Case.PersonId);
        return _people = people;
    }
}
