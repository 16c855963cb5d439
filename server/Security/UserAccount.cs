using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Officers;

namespace OffenderMgmt.Server.Security;

/// <summary>
/// A local sign-in account. Passwords are stored only as ASP.NET Core Identity password hashes
/// (PBKDF2); repeated failures lock the account for a while.
/// </summary>
public sealed class UserAccount : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>Lower-case sign-in name, unique.</summary>
    public string Username { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public Role Role { get; set; }
    /// <summary>The officer the account belongs to (none for service and admin accounts).</summary>
    public Guid? OfficerId { get; set; }
    /// <summary>A service account's scopes, space-separated (<see cref="ServiceScopes"/>); empty for people.</summary>
    public string Scopes { get; set; } = "";
    public bool Disabled { get; set; }
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public long Version { get; set; }
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> account)
    {
        account.ToTable("UserAccounts");
        account.HasKey(a => a.Id);
        account.Property(a => a.Username).HasMaxLength(100);
        account.HasIndex(a => a.Username).IsUnique();
        account.Property(a => a.DisplayName).HasMaxLength(200);
        account.Property(a => a.PasswordHash).HasMaxLength(500);
        account.Property(a => a.Scopes).HasMaxLength(1000);
        account.HasOne<Officer>().WithMany().HasForeignKey(a => a.OfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}
