namespace OffenderMgmt.Tui;

/// <summary>Command-line options of the terminal client.</summary>
public sealed record ClientOptions(Uri Server, bool ShowHelp, string? Username = null, string? LogPath = null, string? CertificateAuthority = null)
{
    public static readonly Uri DefaultServer = new("http://localhost:5280");

    public const string Usage = """
        OffenderMgmt terminal client

        usage: dotnet run --project tui-client [-- OPTIONS]

          --server URL   the OffenderMgmt server (default http://localhost:5280,
                         the local demo server; also OFFENDERMGMT_SERVER)
          --ca PATH      trust the server certificate issued by the CA in this PEM
                         file (a force's own CA, or a self-signed server
                         certificate), for an https:// server; also OFFENDERMGMT_CA
          --user NAME    fill in the username on the sign-in screen
          --log PATH     where to write the client's log (default
                         ~/.local/state/offendermgmt/tui-client.log); it holds
                         events and status codes only, never personal data
          --no-log       write no log file
          --help         show this help
        """;

    public static ClientOptions Parse(string[] args)
    {
        var server = Environment.GetEnvironmentVariable("OFFENDERMGMT_SERVER") is { Length: > 0 } fromEnvironment
            ? ParseServer(fromEnvironment)
            : DefaultServer;
        var help = false;
        var ca = Environment.GetEnvironmentVariable("OFFENDERMGMT_CA") is { Length: > 0 } caFromEnvironment ? caFromEnvironment : null;
        string? username = null;
        string? log = App.ClientLog.DefaultPath();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--server" when i + 1 < args.Length:
                    server = ParseServer(args[++i]);
                    break;
                case "--ca" when i + 1 < args.Length:
                    ca = args[++i];
                    if (!File.Exists(ca)) throw new ArgumentException($"--ca: no file '{ca}'.");
                    break;
                case "--user" when i + 1 < args.Length:
                    username = args[++i];
                    break;
                case "--log" when i + 1 < args.Length:
                    log = args[++i];
                    break;
                case "--no-log":
                    log = null;
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.\n\n{Usage}");
            }
        }
        return new ClientOptions(server, help, username, log, ca);
    }

    private static Uri ParseServer(string text)
    {
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : $"http://{text}";
        return Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"'{text}' is not a server address such as http://localhost:5280.");
    }
}
