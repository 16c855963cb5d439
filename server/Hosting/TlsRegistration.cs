using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace OffenderMgmt.Server.Hosting;

public static class TlsRegistration
{
    /// <summary>
    /// Kestrel serves the configured certificate (<see cref="TlsOptions"/>) on every https://
    /// address, with its intermediates; with none configured, https:// addresses are refused at
    /// start (no development certificate is ever served). The file is read once, at start: a
    /// renewed certificate is picked up by restarting the instances one at a time (the drain).
    /// </summary>
    public static IServiceCollection AddOffenderMgmtTls(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<TlsOptions>>((kestrel, tls) =>
        {
            if (!tls.Value.Enabled) return;
            var (certificate, chain) = tls.Value.Load();
            kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ServerCertificate = certificate;
                if (chain.Count > 0) https.ServerCertificateChain = chain;
            });
        });
        return services;
    }
}
