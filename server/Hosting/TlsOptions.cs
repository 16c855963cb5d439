using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Npgsql;
using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// TLS for the gRPC listener (section "Tls"): the certificate Kestrel serves on every https://
/// address, from PEM or PFX files. Calls between machines must not be plaintext, so a server
/// that would take plaintext calls off loopback, or reach PostgreSQL on another machine without
/// TLS, refuses to start (<see cref="TlsOptionsValidator"/>), unless told it is meant.
/// </summary>
public sealed class TlsOptions
{
    /// <summary>The certificate: a PEM file (.pem, .crt: the server's certificate first, then any intermediates) or a PKCS#12 file (.pfx, .p12, with its key).</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The PEM private key, when not in <see cref="CertificatePath"/>. Unused for PFX.</summary>
    public string KeyPath { get; set; } = "";

    /// <summary>The PFX's password, or the PEM key's when it is encrypted.</summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// Take plaintext calls beyond loopback, or reach PostgreSQL elsewhere without TLS, all the
    /// same: only where something on the same machine ends TLS in front of the server (a
    /// sidecar proxy) or the network is itself encrypted. Logged as a warning at every start.
    /// </summary>
    public bool AllowPlaintext { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);

    private static bool IsPkcs12(string path) => Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12";

    /// <summary>The server's certificate with its private key, and the intermediates to send after it.</summary>
    public (X509Certificate2 Certificate, X509Certificate2Collection Chain) Load()
    {
        if (IsPkcs12(CertificatePath))
        {
            var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(CertificatePath, Password.Length > 0 ? Password : null);
            var leaf = all.FirstOrDefault(c => c.HasPrivateKey) ?? throw new InvalidOperationException("the PFX holds no certificate with a private key");
            var rest = new X509Certificate2Collection();
            foreach (var c in all) if (!ReferenceEquals(c, leaf)) rest.Add(c);
            return (leaf, rest);
        }
        var key = KeyPath.Length > 0 ? KeyPath : null;
        var certificate = Password.Length > 0
            ? X509Certificate2.CreateFromEncryptedPemFile(CertificatePath, Password, key)
            : X509Certificate2.CreateFromPemFile(CertificatePath, key);
        var chain = new X509Certificate2Collection();
        chain.ImportFromPemFile(CertificatePath);
        if (chain.Count > 0) chain.RemoveAt(0);  // the first is the server's own
        return (certificate, chain);
    }
}

/// <summary>
/// Checks the "Tls" settings when the server starts: the certificate loads, has its key and is
/// in date; and nothing would travel between machines in plaintext. Each listen address
/// (Urls, ASPNETCORE_URLS, --urls, Kestrel:Endpoints) that is http:// on anything but loopback
/// is refused, as is an https:// one with no certificate, and a PostgreSQL connection to
/// another host without SSL Mode Require or VerifyFull. Refused rather than warned: a warning
/// in a log nobody reads would leave personal data crossing a network readable. (Urls wins over
/// HTTP_PORTS in Kestrel; both are checked, which can only refuse more.)
/// </summary>
public sealed class TlsOptionsValidator(IConfiguration configuration, IOptions<StorageOptions> storage) : SettingsValidator<TlsOptions>("Tls")
{
    protected override void Check(TlsOptions options, SettingChecks check)
    {
        if (options.Enabled) CheckCertificate(options, check);
        else if (!string.IsNullOrWhiteSpace(options.KeyPath)) check.Fail(nameof(options.KeyPath), "is set but Tls:CertificatePath is not");

        foreach (var url in ListenAddresses(configuration))
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
                continue;  // Kestrel reports an address it cannot read
            if (uri.Scheme == Uri.UriSchemeHttps && !options.Enabled && !HasEndpointCertificate(configuration))
                check.Fail(nameof(options.CertificatePath), $"must be set to listen on {url}");
            if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri.Host) && !options.AllowPlaintext)
                check.Fail(nameof(options.CertificatePath), $"must be set, and the address https://, to listen beyond this machine ({url} would take calls in plaintext); or set Tls:AllowPlaintext true if TLS ends in front of the server on this machine");
        }

        var database = storage.Value;
        if (database.Provider != StorageProvider.Postgres || options.AllowPlaintext) return;
        // The listener's own connection (Storage:ListenConnectionString) leaves the machine too.
        foreach (var (setting, connectionString) in new[] { ("ConnectionString", database.ConnectionString), ("ListenConnectionString", database.ListenConnectionString) })
        {
            if (string.IsNullOrWhiteSpace(connectionString)) continue;
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException)
            {
                continue;  // the storage checks and the first connection report it
            }
            var remote = (builder.Host ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(h => h.Split(':')[0]).Where(h => !h.StartsWith('/') && !IsLoopback(h)).ToList();
            if (remote.Count > 0 && builder.SslMode is not (SslMode.Require or SslMode.VerifyCA or SslMode.VerifyFull))
                check.Fail(nameof(options.AllowPlaintext), $"is false, so Storage:{setting} must use SSL Mode=VerifyFull (or Require) to reach PostgreSQL on {string.Join(", ", remote)}");
        }
    }

    private static void CheckCertificate(TlsOptions options, SettingChecks check)
    {
        foreach (var (setting, path) in new[] { (nameof(options.CertificatePath), options.CertificatePath), (nameof(options.KeyPath), options.KeyPath) })
            if (path.Length > 0 && !File.Exists(path))
            {
                check.Fail(setting, $"names no file ({Validator.Truncate(path)})");
                return;
            }
        try
        {
            var (certificate, _) = options.Load();
            using (certificate)
            {
                // The real time, not the force's clock: it is against this that clients check the certificate.
                var now = DateTime.UtcNow;
                if (!certificate.HasPrivateKey) check.Fail(nameof(options.KeyPath), "must give the certificate's private key");
                if (certificate.NotAfter.ToUniversalTime() < now) check.Fail(nameof(options.CertificatePath), $"holds a certificate that expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}");
                if (certificate.NotBefore.ToUniversalTime() > now) check.Fail(nameof(options.CertificatePath), $"holds a certificate not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd}");
            }
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or InvalidOperationException or ArgumentException)
        {
            check.Fail(nameof(options.CertificatePath), $"could not be loaded with its key ({e.Message})");
        }
    }

    /// <summary>Every address the server would listen on, from each place Kestrel reads them.</summary>
    public static IEnumerable<string> ListenAddresses(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            yield return url;
        // ASPNETCORE_HTTP_PORTS / HTTPS_PORTS: Kestrel listens on every interface on each port.
        foreach (var (key, scheme) in new[] { ("http_ports", "http"), ("https_ports", "https") })
            foreach (var port in (configuration[key] ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                yield return $"{scheme}://*:{port}";
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
            if (endpoint["Url"] is { Length: > 0 } url)
                yield return url;
    }

    private static bool HasEndpointCertificate(IConfiguration configuration) =>
        configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => e.GetSection("Certificate").Exists())
        || configuration.GetSection("Kestrel:Certificates:Default").Exists();

    public static bool IsLoopback(string host)
    {
        host = host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }
}
