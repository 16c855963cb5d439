namespace OffenderMgmt.Server.Mappa;

/// <summary>
/// The agency a partner-agency account speaks for (e.g. "Probation Service"), which decides
/// which MAPPA meetings' cases it may see. Set by an administrator.
/// </summary>
public sealed class PartnerAgencyAccount
{
    /// <summary>The account's sign-in name (lower case), as tokens carry it.</summary>
    public string Username { get; set; } = "";
    public string Agency { get; set; } = "";
}
