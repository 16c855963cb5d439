namespace OffenderMgmt.Server.Common;

/// <summary>
/// Collects field violations so a caller hears about every bad field at once, then throws a
/// single <see cref="ValidationException"/>. Field names are the request's proto field paths.
/// </summary>
public sealed class Validator
{
    private readonly List<FieldViolation> _violations = [];

    public bool IsValid => _violations.Count == 0;

    public Validator Add(string field, string description)
    {
        _violations.Add(new FieldViolation(field, description));
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0) throw new ValidationException(_violations.ToList());
    }

    /// <summary>Required text with a maximum length; returns the trimmed value.</summary>
    public string Required(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) Add(field, "is required");
        else Length(field, trimmed, maxLength);
        return trimmed;
    }

    /// <summary>Optional text with a maximum length; returns the trimmed value ("" when absent).</summary>
    public string Optional(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        Length(field, trimmed, maxLength);
        return trimmed;
    }

    private void Length(string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
            Add(field, $"must be at most {maxLength} characters (got {value.Length})");
        else if (ContainsControlCharacters(value))
            Add(field, "must not contain control characters");
    }

    private static bool ContainsControlCharacters(string value) =>
        value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');

    /// <summary>
    /// An ISO date "YYYY-MM-DD" inside its plausible bounds (<see cref="ApiTime"/>); null when
    /// absent (and not required) or invalid.
    /// </summary>
    public DateOnly? Date(string field, string? value, TimeBounds bounds, ForceClock clock, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is required (YYYY-MM-DD)");
            return null;
        }
        if (!IsoDate.TryParse(value.Trim(), out var date))
        {
            Add(field, $"must be a calendar date in the form YYYY-MM-DD (got '{Truncate(value)}')");
            return null;
        }
        if (ApiTime.Check(date, bounds, clock) is { } problem)
        {
            Add(field, $"{problem} (got {IsoDate.Format(date)})");
            return null;
        }
        return date;
    }

    /// <summary>
    /// A google.protobuf.Timestamp that converts and lies inside its plausible bounds
    /// (<see cref="ApiTime"/>); null when absent (and not required) or invalid.
    /// </summary>
    public DateTimeOffset? Instant(string field, Google.Protobuf.WellKnownTypes.Timestamp? value, TimeBounds bounds, ForceClock clock, bool required = false)
    {
        if (value is null)
        {
            if (required) Add(field, "is required");
            return null;
        }
        if (ApiTime.TryConvert(value, out var instant) is { } invalid)
        {
            Add(field, invalid);
            return null;
        }
        if (ApiTime.Check(instant, bounds, clock) is { } problem)
        {
            Add(field, $"{problem} (got {instant.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})");
            return null;
        }
        return instant;
    }

    /// <summary>
    /// Reads each item of a repeated field, naming each as field[i]; a list longer than
    /// <paramref name="max"/> is refused with one violation and none of its items is read.
    /// </summary>
    public List<T> Each<TItem, T>(string field, IList<TItem> items, int max, Func<string, TItem, T> read)
    {
        if (!Count(field, items.Count, max)) return [];
        var result = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++) result.Add(read($"{field}[{i}]", items[i]));
        return result;
    }

    /// <summary>Whether a repeated field has at most <paramref name="max"/> items; adds a violation when not.</summary>
    public bool Count(string field, int count, int max)
    {
        if (count <= max) return true;
        Add(field, $"may have at most {max} items (got {count})");
        return false;
    }

    /// <summary>A latitude/longitude pair in WGS84 degrees.</summary>
    public bool Coordinates(string field, double latitude, double longitude)
    {
        var ok = true;
        if (double.IsNaN(latitude) || latitude is < -90 or > 90)
        {
            Add($"{field}.latitude", $"must be between -90 and 90 degrees (got {latitude})");
            ok = false;
        }
        if (double.IsNaN(longitude) || longitude is < -180 or > 180)
        {
            Add($"{field}.longitude", $"must be between -180 and 180 degrees (got {longitude})");
            ok = false;
        }
        return ok;
    }

    /// <summary>An opaque identifier issued by this server.</summary>
    public Guid Id(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is required");
            return Guid.Empty;
        }
        if (Guid.TryParse(value, out var id)) return id;
        Add(field, $"is not an identifier issued by OffenderMgmt (got '{Truncate(value)}')");
        return Guid.Empty;
    }

    /// <summary>An enum value that must be set (not the proto UNSPECIFIED zero) and defined.</summary>
    public T Enum<T>(string field, T value, bool required = true) where T : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value))
            Add(field, $"has an unknown value ({Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)})");
        else if (required && Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
            Add(field, "is required");
        return value;
    }

    public static string Truncate(string value, int max = 40) =>
        value.Length <= max ? value : value[..max] + "…";
}
