using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OffenderMgmt.Testing;

/// <summary>
/// A force's identity provider as the server meets it over the network: an OpenID Connect
/// discovery document and a JSON Web Key Set at its https address, and RS256 tokens signed with
/// the key published there. It stands in for the external system only; everything on the
/// server's side (discovery, key fetch, signature, issuer, audience and lifetime checks, the
/// role, collar number and scope claims) is the real code.
/// </summary>
public sealed class ForceIdentityProvider : IDisposable
{
    public const string Authority = "https://idp.force.test/realms/force";
    public const string Audience = "offendermgmt";
    private const string KeyId = "force-key-1";

    private static readonly string[] SigningAlgorithms = ["RS256"];
    private readonly RSA _key = RSA.Create(2048);

    /// <summary>Serves the discovery document and the key set; anything else is 404.</summary>
    public HttpMessageHandler Handler { get; }

    /// <summary>How many times the server fetched the key set (it caches it).</summary>
    public int KeySetFetches => _handler.KeySetFetches;

    private readonly MetadataHandler _handler;

    public ForceIdentityProvider()
    {
        _handler = new MetadataHandler(DiscoveryDocument(), KeySet(_key));
        Handler = _handler;
    }

    /// <summary>A token as the provider issues it: signed with its published key, for this server.</summary>
    public string Issue(IReadOnlyDictionary<string, object> claims, TimeSpan? lifetime = null, string issuer = Authority,
        string audience = Audience, RSA? signedWith = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires < now ? expires - TimeSpan.FromHours(1) : now,
            NotBefore = expires < now ? expires - TimeSpan.FromHours(1) : now,
            Expires = expires,
            Claims = claims.ToDictionary(),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signedWith ?? _key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    private static string DiscoveryDocument() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["jwks_uri"] = Authority + "/protocol/openid-connect/certs",
        ["authorization_endpoint"] = Authority + "/protocol/openid-connect/auth",
        ["token_endpoint"] = Authority + "/protocol/openid-connect/token",
        ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
    });

    private static string KeySet(RSA key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
                },
            },
        });
    }

    public void Dispose()
    {
        _key.Dispose();
        _handler.Dispose();
    }

    private sealed class MetadataHandler(string discovery, string keySet) : HttpMessageHandler
    {
        private int _keySetFetches;
        public int KeySetFetches => Volatile.Read(ref _keySetFetches);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.ToString();
            string? body = null;
            if (url == Authority + "/.well-known/openid-configuration") body = discovery;
            else if (url == Authority + "/protocol/openid-connect/certs")
            {
                Interlocked.Increment(ref _keySetFetches);
                body = keySet;
            }
            var response = new HttpResponseMessage(body is null ? HttpStatusCode.NotFound : HttpStatusCode.OK);
            if (body is not null)
                response.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            return Task.FromResult(response);
        }
    }
}

/// <summary>
/// The demo force's server with sign-in handed to <see cref="ForceIdentityProvider"/>
/// (Auth:Mode External): its bearer handler fetches the provider's metadata through the
/// provider's handler instead of the network.
/// </summary>
public sealed class ExternalIdentityServerFactory : ServerFactory
{
    public ForceIdentityProvider Provider { get; } = new();

    public ExternalIdentityServerFactory() : base(demo: true, shared: null, new Dictionary<string, string>
    {
        ["Auth:Mode"] = "External",
        ["Auth:Authority"] = ForceIdentityProvider.Authority,
        ["Auth:Audience"] = ForceIdentityProvider.Audience,
        ["Auth:RoleClaim"] = "roles",
    })
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt => jwt.BackchannelHttpHandler = Provider.Handler));
    }

    /// <summary>Calls with the given token (as a system or the client would after signing in at the provider).</summary>
    public CallInvoker WithToken(string token, string purpose = "case-management") =>
        Channel().Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            if (purpose.Length > 0) metadata.Add("x-access-purpose", purpose);
            return metadata;
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Provider.Dispose();
    }
}
