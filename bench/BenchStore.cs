using Microsoft.Data.Sqlite;
using Npgsql;
using OffenderMgmt.Server.Hosting;

namespace OffenderMgmt.Bench;

/// <summary>
/// Where the benchmark keeps a data set, on either engine: a file under .bench-data/ (SQLite),
/// or a database on a PostgreSQL server (<c>--provider postgres --connection-string ...</c>;
/// the database name is the data set's). A name is the file's path or the database's name.
/// </summary>
public sealed record BenchStore(StorageProvider Provider, string ServerConnectionString)
{
    public static readonly BenchStore Sqlite = new(StorageProvider.Sqlite, "");

    public bool IsPostgres => Provider == StorageProvider.Postgres;

    /// <summary>The data set's name in this store: <c>.bench-data/national-....db</c>, or <c>national_p..._s...</c>.</summary>
    public string NameFor(Generation.DatasetSpec spec) => IsPostgres
        ? Path.GetFileNameWithoutExtension(spec.FileName).Replace('-', '_')
        : Path.Combine(BenchPaths.DataDirectory, spec.FileName);

    /// <summary>The copy the gRPC run's server writes its audit entries to.</summary>
    public string CopyNameFor(string name) => IsPostgres ? name + "_grpc" : name.Replace(".db", ".grpc.db", StringComparison.Ordinal);

    /// <summary>As the server builds it: a pooled connection to the file, or to the database.</summary>
    public string ConnectionString(string name) => IsPostgres
        ? new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true, CommandTimeout = 600 }.ToString()
        : new SqliteConnectionStringBuilder { DataSource = name, Pooling = true }.ToString();

    public bool Exists(string name)
    {
        if (!IsPostgres) return File.Exists(name);
        return Admin<long?>($"SELECT count(*) FROM pg_database WHERE datname = '{name}'") > 0;
    }

    public void Delete(string name)
    {
        ClearPools();
        if (IsPostgres)
        {
            Admin<object>($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
            return;
        }
        foreach (var file in new[] { name, name + "-wal", name + "-shm" })
            if (File.Exists(file)) File.Delete(file);
    }

    /// <summary>An empty database (PostgreSQL; SQLite makes the file itself).</summary>
    public void Create(string name)
    {
        if (IsPostgres) Admin<object>($"""CREATE DATABASE "{name}" """);
    }

    /// <summary>A copy of the data set: the file, or a database made with the data set as its template.</summary>
    public void Copy(string from, string to)
    {
        Delete(to);
        if (IsPostgres) Admin<object>($"""CREATE DATABASE "{to}" TEMPLATE "{from}" """);
        else File.Copy(from, to);
    }

    public long SizeBytes(string name)
    {
        if (IsPostgres) return Exists(name) ? Admin<long?>($"SELECT pg_database_size('{name}')") ?? 0 : 0;
        return FileSize(name) + FileSize(name + "-wal");
    }

    public void ClearPools()
    {
        if (IsPostgres) NpgsqlConnection.ClearAllPools();
        else SqliteConnection.ClearAllPools();
    }

    private static long FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private T? Admin<T>(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
