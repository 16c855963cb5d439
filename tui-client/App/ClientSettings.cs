using System.Text.Json;

namespace OffenderMgmt.Tui.App;

/// <summary>
/// What the client remembers between runs, per user: for now the last beat a local officer
/// picked. Kept in a small JSON file (~/.config/offendermgmt/tui-client.json, or under
/// XDG_CONFIG_HOME); it holds area codes only, never personal data. A file that cannot be read
/// or written is a lost convenience, never an error: the client works without it. Without a
/// path (tests) it is kept in memory.
/// </summary>
public sealed class ClientSettings
{
    private readonly string? _path;
    private readonly Dictionary<string, UserSettings> _users;

    private ClientSettings(string? path, Dictionary<string, UserSettings> users)
    {
        _path = path;
        _users = users;
    }

    public sealed class UserSettings
    {
        public string? LastBeat { get; set; }
    }

    /// <summary>Settings that live only as long as the process (tests, or no home directory).</summary>
    public static ClientSettings InMemory() => new(null, new Dictionary<string, UserSettings>(StringComparer.Ordinal));

    public static string DefaultPath()
    {
        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(config))
            config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(config, "offendermgmt", "tui-client.json");
    }

    public static ClientSettings Open(string path)
    {
        try
        {
            if (File.Exists(path) && JsonSerializer.Deserialize<Dictionary<string, UserSettings>>(File.ReadAllText(path)) is { } users)
                return new ClientSettings(path, new Dictionary<string, UserSettings>(users, StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // A damaged or unreadable file: start afresh (it is rewritten on the next change).
        }
        return new ClientSettings(path, new Dictionary<string, UserSettings>(StringComparer.Ordinal));
    }

    /// <summary>The code of the beat this user last picked, or null.</summary>
    public string? LastBeat(string username) => _users.TryGetValue(username, out var user) ? user.LastBeat : null;

    public void RememberBeat(string username, string code)
    {
        if (!_users.TryGetValue(username, out var user)) _users[username] = user = new UserSettings();
        if (user.LastBeat == code) return;
        user.LastBeat = code;
        Save();
    }

    private void Save()
    {
        if (_path is null) return;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temporary = _path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(_users));
            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Remembering is a convenience: the beat is still in use for this run.
        }
    }
}
