using System.Reflection;

namespace OffenderMgmt.Bench;

/// <summary>Where the benchmark keeps its data and finds the server it starts.</summary>
public static class BenchPaths
{
    private static string? Metadata(string key) =>
        typeof(BenchPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    /// <summary>The repository the benchmark was built from (the data directory lives in it, git-ignored).</summary>
    public static string RepositoryRoot => Path.GetFullPath(Metadata("RepositoryRoot") ?? Directory.GetCurrentDirectory());

    /// <summary>.bench-data/ at the repository root: generated databases, server logs (git-ignored).</summary>
    public static string DataDirectory => Path.Combine(RepositoryRoot, ".bench-data");

    /// <summary>The plain Greeter built alongside the benchmark, in the same configuration (the throughput run's baseline).</summary>
    public static string GreeterAssembly => Path.GetFullPath(Metadata("GreeterAssembly")
        ?? throw new InvalidOperationException("The benchmark was built without the Greeter's location."));

    /// <summary>The server built alongside the benchmark, in the same configuration.</summary>
    public static string ServerAssembly => Path.GetFullPath(Metadata("ServerAssembly")
        ?? throw new InvalidOperationException("The benchmark was built without the server's location."));
}
