using System.Security.Cryptography.X509Certificates;

namespace OffenderMgmt.Contracts.Tls;

/// <summary>
/// Client side of TLS: trust a server whose certificate was issued by a given certificate
/// authority (a force's own CA, or a self-signed server certificate), as the terminal client's
/// and the bench's --ca option ask. With a CA given, only that CA is trusted for the connection;
/// the name in the server's certificate must still match the address.
/// </summary>
public static class ServerTrust
{
    /// <summary>Makes <paramref name="handler"/> trust only the CA certificates in the PEM file at <paramref name="caPemPath"/>.</summary>
    public static SocketsHttpHandler TrustingAuthority(this SocketsHttpHandler handler, string caPemPath)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caPemPath);
        if (roots.Count == 0) throw new ArgumentException($"{caPemPath} holds no PEM certificate (-----BEGIN CERTIFICATE-----).", nameof(caPemPath));
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            // A private CA publishes no revocation list the client could reach.
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(roots);
        handler.SslOptions.CertificateChainPolicy = policy;
        return handler;
    }
}
