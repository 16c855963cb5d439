using OffenderMgmt.Server.Hosting;

namespace OffenderMgmt.Tests.Hosting;

/// <summary>The settings file is found whichever directory the server is started from.</summary>
public sealed class ContentRootTests : IDisposable
{
    private readonly string _working = Directory.CreateTempSubdirectory("om-cwd-").FullName;
    private readonly string _server = Directory.CreateTempSubdirectory("om-bin-").FullName;

    public void Dispose()
    {
        Directory.Delete(_working, recursive: true);
        Directory.Delete(_server, recursive: true);
    }

    [Fact]
    public void Started_from_a_directory_without_settings_the_server_reads_the_ones_shipped_beside_it()
    {
        File.WriteAllText(Path.Combine(_server, ContentRoot.SettingsFile), "{}");
        Assert.Equal(_server, ContentRoot.Choose(_working, _server));
    }

    [Fact]
    public void A_working_directory_with_its_own_settings_wins()
    {
        File.WriteAllText(Path.Combine(_server, ContentRoot.SettingsFile), "{}");
        File.WriteAllText(Path.Combine(_working, ContentRoot.SettingsFile), "{}");
        Assert.Equal(_working, ContentRoot.Choose(_working, _server));
    }

    [Fact]
    public void With_no_settings_anywhere_the_working_directory_stays_the_root()
    {
        Assert.Equal(_working, ContentRoot.Choose(_working, _server));
    }
}
