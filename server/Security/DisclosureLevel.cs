namespace OffenderMgmt.Server.Security;

/// <summary>How much of a record a caller may see.</summary>
public enum DisclosureLevel
{
    /// <summary>
    /// A local officer's briefing: who they are (name, aliases, date of birth, PNC ID,
    /// description, warning markers), where they live, risk level, orders and conditions,
    /// exclusion zones, and whom to call. Nothing of the casework behind it.
    /// </summary>
    Briefing = 1,
    /// <summary>Everything except the restricted fields (for services, partners, analysts).</summary>
    Standard = 2,
    /// <summary>Everything, restricted fields included (own cases, or with a stated reason).</summary>
    Full = 3,
}

/// <summary>Fields that only some callers may see; absent from a response otherwise.</summary>
public enum RestrictedField
{
    HealthNotes,
    RiskAssessment,
    Intelligence,
    VictimDetails,
    /// <summary>Compliance check history, contacts, breaches: the casework records (dates, outcomes, statuses).</summary>
    Casework,
    /// <summary>
    /// The words of the casework: check notes, breach details, contact note text. Marked
    /// "restricted (casework)" in the protos; never for analysts, partners or services (issue 19).
    /// </summary>
    CaseworkText,
}

public static class DisclosureRules
{
    public static bool Allows(this DisclosureLevel level, RestrictedField field) => level switch
    {
        DisclosureLevel.Full => true,
        DisclosureLevel.Standard => field == RestrictedField.Casework,
        _ => false,
    };
}
