using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// Leases on periodic jobs (<see cref="JobLease"/>), so one instance at a time runs each. Taking
/// and renewing are one statement, an upsert that writes only when the lease is free, run out,
/// or already the caller's: atomic on both engines, whoever asks at the same moment. Expiry is
/// measured on the asking instance's clock; instances keep NTP time, and the lease is minutes
/// long, so a skew of seconds only moves a takeover by seconds.
/// </summary>
public static class LeaseBook
{
    /// <summary>Takes or renews the lease until <paramref name="now"/> + <paramref name="length"/>; false when another instance holds it.</summary>
    public static async Task<bool> TryHoldAsync(OffenderMgmtDb db, string name, string holder, DateTimeOffset now, TimeSpan length, CancellationToken cancellationToken)
    {
        var nowTicks = now.UtcTicks;
        var expires = (now + length).UtcTicks;
        var held = await db.Database.SqlQuery<string>($"""
            INSERT INTO "JobLeases" ("Name", "Holder", "ExpiresAtTicks") VALUES ({name}, {holder}, {expires})
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresAtTicks" = excluded."ExpiresAtTicks"
            WHERE "JobLeases"."Holder" = excluded."Holder" OR "JobLeases"."ExpiresAtTicks" <= {nowTicks}
            RETURNING "Holder" AS "Value"
            """).ToListAsync(cancellationToken);
        return held.Count == 1;
    }

    /// <summary>Gives the lease up (an instance stopping), so another takes the job at its next look rather than after the lease runs out.</summary>
    public static Task<int> ReleaseAsync(OffenderMgmtDb db, string name, string holder, CancellationToken cancellationToken) =>
        db.JobLeases.Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(cancellationToken);
}

/// <summary>This server process, as it names itself in the database (the holder of a <see cref="JobLease"/>).</summary>
public sealed record InstanceIdentity(string Name)
{
    public static InstanceIdentity ForThisProcess()
    {
        var machine = Environment.MachineName;
        if (machine.Length > 100) machine = machine[..100];
        return new InstanceIdentity($"{machine}/{Environment.ProcessId}/{Guid.NewGuid():N}");
    }
}

/// <summary>How periodic jobs share out across instances (section "Jobs").</summary>
public sealed class JobOptions
{
    /// <summary>How long a job's lease lasts: how soon another instance takes over from one that died.</summary>
    public TimeSpan LeaseLength { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each instance renews its leases, or looks whether one has come free.</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Checks the "Jobs" settings when the server starts: a lease must outlast several renewals.</summary>
public sealed class JobOptionsValidator() : Common.SettingsValidator<JobOptions>("Jobs")
{
    protected override void Check(JobOptions options, Common.SettingChecks check)
    {
        check.Range(nameof(options.LeaseLength), options.LeaseLength, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1));
        check.Range(nameof(options.RenewEvery), options.RenewEvery, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        if (options.RenewEvery * 3 > options.LeaseLength)
            check.Fail(nameof(options.RenewEvery), $"must be at most a third of Jobs:LeaseLength ({options.LeaseLength}), so a holder renews before its lease runs out even if a renewal fails");
    }
}
