namespace OffenderMgmt.Server.Retention;

/// <summary>
/// Settings of section "Retention": how long after it was made a record is first reviewed, by
/// MoPI group. Defaults from the College of Policing APP "Information management: retention,
/// review and disposal" (MoPI): group 1 (certain public protection matters) is kept and reviewed
/// on the longest schedule, every 10 years; group 2 (other sexual, violent or serious offences)
/// every 10 years; group 3 (all other offences) after a 6-year clear period; group 4
/// (undetected crime) after 6 years. A force may set its own, never shorter for group 1 than for
/// any other group (checked at start).
/// </summary>
public sealed class RetentionOptions
{
    public int PublicProtectionYears { get; set; } = 10;
    public int SeriousOffendingYears { get; set; } = 10;
    public int OtherOffendingYears { get; set; } = 6;
    public int UndetectedYears { get; set; } = 6;

    /// <summary>The furthest ahead a retained record's next review may be set.</summary>
    public int MaxRetainYears { get; set; } = 10;

    /// <summary>
    /// A kind's own first review in years, for groups 2 to 4 (e.g. a force that reviews photos
    /// sooner); empty by default, since MoPI sets the schedule by the group of the offending,
    /// not by the kind of record. Group 1 always keeps <see cref="PublicProtectionYears"/>, and no
    /// kind's years may exceed it (checked at start), so public protection stays the longest.
    /// </summary>
    public Dictionary<RetainedRecordKind, int> KindYears { get; set; } = [];

    public int YearsFor(RetainedRecordKind kind, MopiGroup group) =>
        group != MopiGroup.PublicProtection && KindYears.TryGetValue(kind, out var years) ? years : YearsFor(group);

    public int YearsFor(MopiGroup group) => group switch
    {
        MopiGroup.PublicProtection => PublicProtectionYears,
        MopiGroup.SeriousOffending => SeriousOffendingYears,
        MopiGroup.OtherOffending => OtherOffendingYears,
        _ => UndetectedYears,
    };
}
