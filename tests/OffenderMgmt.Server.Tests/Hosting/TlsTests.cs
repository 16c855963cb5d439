using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OffenderMgmt.Contracts.Tls;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Hosting;

/// <summary>
/// TLS (issue 15 item 11): the server serves the certificate it is configured with (a
/// self-signed one made here), a client trusting that certificate's CA calls it and one that does
/// not is refused, and a configuration that would carry calls between machines in plaintext
/// does not start.
/// </summary>
public sealed class TlsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("offendermgmt-tls-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task A_server_given_a_PEM_certificate_serves_TLS_to_a_client_trusting_it_and_refuses_one_that_does_not()
    {
        var (certificate, key) = SelfSigned("server", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var server = new TlsServer(certificate, key);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("https://", address);
        var port = new Uri(address).Port;

        using (var trusting = GrpcChannel.ForAddress($"https://localhost:{port}", new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler().TrustingAuthority(certificate) }))
        {
            var health = await new Health.HealthClient(trusting).CheckAsync(new HealthCheckRequest());
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        }

        using var untrusting = GrpcChannel.ForAddress($"https://localhost:{port}", new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler() });
        // The client refuses the handshake itself (Grpc.Net.Client reports it as INTERNAL): the server's certificate is not from a CA it trusts.
        var refused = await Assert.ThrowsAsync<RpcException>(() => new Health.HealthClient(untrusting).CheckAsync(new HealthCheckRequest()).ResponseAsync);
        Assert.Contains("UntrustedRoot", refused.Status.Detail);
    }

    [Fact]
    public void Listening_beyond_loopback_without_TLS_is_refused_unless_plaintext_is_allowed()
    {
        var verdict = Validate(new TlsOptions(), ("urls", "http://0.0.0.0:5280"));
        Assert.True(verdict.Failed);
        Assert.Contains("Tls:CertificatePath must be set, and the address https://", verdict.FailureMessage);
        Assert.True(Validate(new TlsOptions(), ("urls", "http://localhost:5280;http://127.0.0.1:5281;http://[::1]:5282")).Succeeded);
        Assert.True(Validate(new TlsOptions { AllowPlaintext = true }, ("urls", "http://0.0.0.0:5280")).Succeeded);
        Assert.True(Validate(new TlsOptions(), ("Kestrel:Endpoints:Public:Url", "http://*:5280")).Failed);
        Assert.True(Validate(new TlsOptions(), ("http_ports", "8080")).Failed);
    }

    [Fact]
    public void An_https_address_without_a_certificate_and_a_certificate_that_is_missing_or_expired_are_refused()
    {
        Assert.Contains("Tls:CertificatePath must be set to listen on https://0.0.0.0:5281",
            Validate(new TlsOptions(), ("urls", "https://0.0.0.0:5281")).FailureMessage);
        Assert.Contains("names no file", Validate(new TlsOptions { CertificatePath = Path.Combine(_directory.FullName, "absent.pem") }).FailureMessage);
        var (expired, key) = SelfSigned("expired", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Contains("expired", Validate(new TlsOptions { CertificatePath = expired, KeyPath = key }).FailureMessage);
        var (valid, validKey) = SelfSigned("valid", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        Assert.True(Validate(new TlsOptions { CertificatePath = valid, KeyPath = validKey }, ("urls", "https://0.0.0.0:5281")).Succeeded);
    }

    [Fact]
    public void PostgreSQL_on_another_machine_without_TLS_is_refused()
    {
        static StorageOptions On(string connection) => new() { Provider = StorageProvider.Postgres, ConnectionString = connection };
        var verdict = Validate(new TlsOptions(), On("Host=db.force.example;Username=om"));
        Assert.Contains("SSL Mode=VerifyFull", verdict.FailureMessage);
        Assert.True(Validate(new TlsOptions(), On("Host=db.force.example;Username=om;SSL Mode=VerifyFull")).Succeeded);
        Assert.True(Validate(new TlsOptions(), On("Host=127.0.0.1;Username=om")).Succeeded);
        Assert.True(Validate(new TlsOptions(), On("Host=/var/run/postgresql;Username=om")).Succeeded);
        Assert.True(Validate(new TlsOptions { AllowPlaintext = true }, On("Host=db.force.example;Username=om")).Succeeded);
    }

    private static ValidateOptionsResult Validate(TlsOptions options, params (string Key, string Value)[] settings) =>
        Validate(options, new StorageOptions(), settings);

    private static ValidateOptionsResult Validate(TlsOptions options, StorageOptions storage, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        return new TlsOptionsValidator(configuration, Options.Create(storage)).Validate(null, options);
    }

    /// <summary>A self-signed server certificate for localhost and 127.0.0.1, written as PEM: its certificate file and its key file.</summary>
    private (string Certificate, string Key) SelfSigned(string name, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        var certificatePath = Path.Combine(_directory.FullName, $"{name}.crt");
        var keyPath = Path.Combine(_directory.FullName, $"{name}.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    /// <summary>The real server on Kestrel, on a free loopback port, with TLS from the given files.</summary>
    private sealed class TlsServer : ServerFactory
    {
        private readonly string _certificate;
        private readonly string _key;

        public TlsServer(string certificate, string key)
        {
            _certificate = certificate;
            _key = key;
            // UseHttps() with no certificate of its own: the server's https defaults, which is what is tested.
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.UseHttps();
            }));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Tls:CertificatePath", _certificate);
            builder.UseSetting("Tls:KeyPath", _key);
        }
    }
}
