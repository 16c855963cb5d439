namespace OffenderMgmt.Server.Access;

/// <summary>One person an <see cref="AnalystGrant"/> covers.</summary>
public sealed class AnalystGrantPerson
{
    public Guid GrantId { get; set; }
    public Guid PersonId { get; set; }
}
