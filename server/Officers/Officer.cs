using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Officers;

public sealed class Officer : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>Collar (warrant or staff) number, unique in the force.</summary>
    public string CollarNumber { get; set; } = "";
    /// <summary>Rank or grade as addressed ("DC", "PS", "PCSO"); empty for police staff.</summary>
    public string Rank { get; set; } = "";
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public Guid TeamId { get; set; }
    public OfficerRole Role { get; set; }
    public Accreditations Accreditations { get; set; }
    /// <summary>Contracted hours a week; 37 hours is a full-time post (100% capacity).</summary>
    public double ContractedHours { get; set; } = 37;
    public DateOnly InPostFrom { get; set; }
    /// <summary>Last day in post; null while still in post.</summary>
    public DateOnly? InPostTo { get; set; }
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public long Version { get; set; }

    public string DisplayName => $"{Rank} {GivenName} {FamilyName}".Trim();

    public bool IsInPostOn(DateOnly date) => InPostFrom <= date && (InPostTo is null || date <= InPostTo);
}

public enum OfficerRole
{
    OffenderManager = 1,
    Supervisor = 2,
    LocalOfficer = 3,
    Pcso = 4,
    Analyst = 5,
    SeniorInvestigatingOfficer = 6,
}

[Flags]
public enum Accreditations
{
    None = 0,
    /// <summary>Trained to manage violent and sexual offenders (required for VSOMT cases).</summary>
    ViolentAndSexualOffenders = 1 << 0,
    SeniorInvestigatingOfficer = 1 << 1,
    Iom = 1 << 2,
}
