namespace OffenderMgmt.Server.Common;

/// <summary>
/// A record edited under optimistic concurrency. The database context bumps
/// <see cref="Version"/> on every save that changes the record and uses it as the concurrency
/// token, so two editors working from the same version cannot both win.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
