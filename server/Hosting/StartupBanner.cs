using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace OffenderMgmt.Server.Hosting;

/// <summary>Tells whoever started the server where its data lives and how to connect.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var force = app.Services.GetRequiredService<IOptions<ForceOptions>>().Value;
        var location = app.Services.GetRequiredService<DatabaseLocation>();
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault() ?? "(no address)";
        Console.WriteLine();
        Console.WriteLine($"OffenderMgmt is serving {(demo.Enabled ? "the DEMO force (generated data, seed " + demo.Seed + ")" : force.Name)}");
        var tls = app.Services.GetRequiredService<IOptions<TlsOptions>>().Value;
        Console.WriteLine($"  gRPC (HTTP/2{(tls.Enabled ? ", TLS" : "")}): {string.Join(", ", addresses)}");
        if (tls.AllowPlaintext)
            Console.WriteLine("  WARNING: Tls:AllowPlaintext is on: plaintext calls are taken beyond loopback, and PostgreSQL may be reached without TLS.");
        Console.WriteLine($"  data: {location.Description}");
        Console.WriteLine($"  terminal client: dotnet run --project tui-client -- --server {address}{(tls.Enabled ? " --ca <the CA's PEM file>" : "")}");
        Console.WriteLine($"  health: grpc.health.v1.Health/Check; reflection is on");
        Console.WriteLine("Press Ctrl+C to stop.");
    }
}
