using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace OffenderMgmt.Server.Security;

/// <summary>
/// The key local tokens are signed with: from configuration, or generated once and kept in the
/// data directory so tokens survive a restart.
/// </summary>
public static class SigningKey
{
    public static SymmetricSecurityKey Resolve(AuthOptions options, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var configured = Convert.FromBase64String(options.SigningKey);
            if (configured.Length < 32) throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
            return new SymmetricSecurityKey(configured) { KeyId = "configured" };
        }

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "signing-key");
        if (!File.Exists(path))
        {
            var fresh = RandomNumberGenerator.GetBytes(64);
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                file.Write(fresh);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new SymmetricSecurityKey(File.ReadAllBytes(path)) { KeyId = "local" };
    }
}
