using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>Conversions between the API's wire forms (ISO date strings, Timestamps) and .NET types.</summary>
internal static class Wire
{
    /// <summary>"YYYY-MM-DD" to a date; empty or malformed gives null rather than a crash.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static DateTimeOffset? Instant(Timestamp? timestamp) => timestamp is null ? null : timestamp.ToDateTimeOffset();

    public static Timestamp? Timestamp(DateTimeOffset? instant) => instant is { } at ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at) : null;

    /// <summary>Empty strings from proto3 as null, so screens can tell "not given" from a value.</summary>
    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    public static GeoPosition? Position(Contracts.V1.GeoPoint? point) =>
        point is null || (point.Latitude == 0 && point.Longitude == 0) ? null : new GeoPosition(point.Latitude, point.Longitude);

    public static Contracts.V1.GeoPoint Point(GeoPosition position) => new() { Latitude = position.Latitude, Longitude = position.Longitude };
}
