using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Testing;
using OffenderMgmt.Tests.Persistence;

namespace OffenderMgmt.Tests.Integration;

/// <summary>Every connection to the database file gets a page cache and memory map sized for a force's data.</summary>
public sealed class ConnectionTuningTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [SqliteFact]
    public async Task A_connection_to_the_file_has_a_64_mib_cache_and_a_256_mib_memory_map()
    {
        var (cache, map) = await _server.WithDb(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            async Task<long> Pragma(string name)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {name};";
                return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }
            return (await Pragma("cache_size"), await Pragma("mmap_size"));
        });

        Assert.Equal(-65536, cache);
        Assert.Equal(268435456, map);
    }
}
