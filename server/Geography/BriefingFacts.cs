using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Geography;

/// <summary>
/// What a briefing can say of one person who is managed or under a live order: the person
/// (briefing-level: no health notes), their active cases and their live orders with current
/// conditions. Shared between calls, so never changed after loading: a change in the database
/// replaces it whole (see <see cref="BriefingFactsView"/>).
/// </summary>
public sealed record BriefingFacts(Person Person, IReadOnlyList<CaseFacts> Cases, IReadOnlyList<Order> Orders)
{
    /// <summary>The area the person lives in, if they have an address.</summary>
    public string? AreaCode => Person.Address?.AreaCode;

    /// <summary>The person's current photo (Photos/PhotoAlbum: newest custody front, not retired), if any.</summary>
    public Guid? PhotoId { get; init; }

    /// <summary>The person's current marks and vehicles (issue 18: the briefing's identification fields), in the order shown.</summary>
    public IReadOnlyList<Identification.PersonIdentifier> Identifiers { get; init; } = [];
}

/// <summary>Only what a briefing says of an active case (a whole Management row is far more).</summary>
public sealed record CaseFacts(
    Guid PersonId, Scheme Scheme, Register Register, int? MappaCategory, int? MappaLevel, IomCohortType? CohortType, string? OcgReference,
    RiskLevel RiskLevel, Guid? ResponsibleOfficerId, Guid OwningTeamId);

/// <summary>Every officer and team, for "whom to call" in a briefing: a few thousand rows at national scale.</summary>
public sealed record BriefingContacts(IReadOnlyDictionary<Guid, Officer> Officers, IReadOnlyDictionary<Guid, Team> Teams)
{
    public static BriefingContacts None { get; } = new(new Dictionary<Guid, Officer>(), new Dictionary<Guid, Team>());
}
