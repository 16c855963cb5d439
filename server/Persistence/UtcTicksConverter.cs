using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OffenderMgmt.Server.Persistence;

/// <summary>Stores an instant as its UTC ticks (SQLite only; see <see cref="OffenderMgmtDb"/>).</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
