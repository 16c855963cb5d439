using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Tests.Persistence;
using OffenderMgmt.Testing;
using Role = OffenderMgmt.Server.Security.Role;

namespace OffenderMgmt.Tests.MultiInstance;

/// <summary>
/// Limits and jobs across two instances on one PostgreSQL database (issue 15 items 5 and 7):
/// sign-in attempts and lockout count once across the instances, and housekeeping has one
/// holder. Skipped on SQLite runs, which serve one instance.
/// </summary>
public sealed class SharedLimitsTests : IDisposable
{
    private const int AttemptsPerMinute = 6;

    private readonly TwoInstances? _instances = TestDatabase.IsPostgres
        ? new TwoInstances(settings: new Dictionary<string, string>
        {
            ["Auth:SignInAttemptsPerMinute"] = AttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Auth:MaxFailedSignIns"] = "3",
        })
        : null;

    private TwoInstances Instances => _instances!;

    public void Dispose() => _instances?.Dispose();

    private static Task<SignInResponse> SignIn(ServerFactory instance, string username, string password) =>
        new Auth.AuthClient(instance.Channel()).SignInAsync(new SignInRequest { Username = username, Password = password }).ResponseAsync;

    [PostgresFact]
    public async Task Sign_in_attempts_through_both_instances_count_against_one_limit_and_a_new_minute_starts_again()
    {
        await Instances.CreateAccountAsync("shared.limit", Role.Service);
        // Alternating A and B: the limit is for the account, not for each instance.
        for (var i = 0; i < AttemptsPerMinute; i++)
            await SignIn(i % 2 == 0 ? Instances.A : Instances.B, "shared.limit", ServerFactory.Password);
        foreach (var instance in new[] { Instances.A, Instances.B })
        {
            var error = await RpcAssert.Fails(StatusCode.ResourceExhausted, () => SignIn(instance, "shared.limit", ServerFactory.Password));
            Assert.Contains("Too many sign-in attempts", error.Status.Detail);
        }

        Instances.A.Clock.Advance(TimeSpan.FromMinutes(1));
        Instances.B.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.NotEmpty((await SignIn(Instances.B, "shared.limit", ServerFactory.Password)).AccessToken);
    }

    [PostgresFact]
    public async Task Wrong_passwords_through_both_instances_lock_the_account_on_both()
    {
        await Instances.CreateAccountAsync("shared.lockout", Role.Service);
        // Three wrong passwords in a row (Auth:MaxFailedSignIns), spread over A and B.
        foreach (var instance in new[] { Instances.A, Instances.B, Instances.A })
            await RpcAssert.Fails(StatusCode.Unauthenticated, () => SignIn(instance, "shared.lockout", "not-the-password"));
        foreach (var instance in new[] { Instances.A, Instances.B })
        {
            var error = await RpcAssert.Fails(StatusCode.Unauthenticated, () => SignIn(instance, "shared.lockout", ServerFactory.Password));
            Assert.Contains("locked", error.Status.Detail);
        }
    }

    [PostgresFact]
    public async Task Of_two_instances_started_at_once_one_holds_the_housekeeping_lease_and_the_other_does_not_run_rounds()
    {
        var a = Instances.A.Services.GetRequiredService<Housekeeping>();
        var b = Instances.B.Services.GetRequiredService<Housekeeping>();
        await Task.WhenAll(a.FirstLook, b.FirstLook);
        Assert.NotEqual(a.HoldsLease, b.HoldsLease);

        var (holder, other) = a.HoldsLease ? (Instances.A, b) : (Instances.B, a);
        Assert.False(await other.LookAsync(CancellationToken.None));
        var stored = await Instances.A.WithDb(db => db.JobLeases.Where(l => l.Name == Housekeeping.LeaseName).Select(l => l.Holder).SingleAsync());
        Assert.Equal(holder.Services.GetRequiredService<InstanceIdentity>().Name, stored);
    }
}
