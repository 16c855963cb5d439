namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// Where the server reads appsettings.json from. ASP.NET Core reads it from the working
/// directory, so starting the built server from anywhere but server/ silently lost its settings
/// (HTTP/1 only, so no gRPC client could connect). The working directory still wins when it has
/// its own appsettings.json (an operator's deployment directory); otherwise the files shipped
/// beside the server are used.
/// </summary>
public static class ContentRoot
{
    public const string SettingsFile = "appsettings.json";

    public static string Choose(string workingDirectory, string serverDirectory) =>
        File.Exists(Path.Combine(workingDirectory, SettingsFile)) || !File.Exists(Path.Combine(serverDirectory, SettingsFile))
            ? workingDirectory
            : serverDirectory;
}
