namespace OffenderMgmt.Server.Common;

/// <summary>Identifiers on the wire: strings that must parse as ours, or be empty where optional.</summary>
public static class Ids
{
    /// <summary>The identifier in a required field, or INVALID_ARGUMENT naming the field.</summary>
    public static Guid Require(string value, string field)
    {
        var v = new Validator();
        var id = v.Id(field, value);
        v.ThrowIfInvalid();
        return id;
    }

    /// <summary>An optional identifier read as Guid.Empty when absent, as null.</summary>
    public static Guid? OrNull(this Guid id) => id == Guid.Empty ? null : id;
}
