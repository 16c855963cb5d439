using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Tests.Hardening;

/// <summary>
/// Settings are checked when the server starts: a bad one stops it with a message naming the
/// setting and a non-zero exit; and a force that restates Workload:Weights gets exactly its own
/// sets, not the built-in set as well.
/// </summary>
public sealed class SettingsAtStartTests
{
    private static IServiceProvider Options(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddOffenderMgmtOptions(configuration).BuildServiceProvider();
    }

    [Fact]
    public void A_force_that_restates_its_weights_gets_exactly_the_sets_it_configured()
    {
        var options = Options(
            ("Workload:Weights:0:EffectiveFrom", "2020-04-01"), ("Workload:Weights:0:Vsomt:High", "6"),
            ("Workload:Weights:1:EffectiveFrom", "2027-04-01"), ("Workload:Weights:1:Vsomt:High", "7"))
            .GetRequiredService<IOptions<WorkloadOptions>>().Value;

        Assert.Equal([new DateOnly(2020, 4, 1), new DateOnly(2027, 4, 1)], options.WeightSets.Select(w => w.EffectiveFrom));
        Assert.Equal(6, options.WeightsOn(new DateOnly(2026, 11, 26)).Vsomt[Server.Common.RiskLevel.High]);
        // Before the first configured set, the earliest configured set applies, not the built-in one.
        Assert.Equal(6, options.WeightsOn(new DateOnly(2016, 6, 1)).Vsomt[Server.Common.RiskLevel.High]);
    }

    [Fact]
    public void With_no_weights_configured_the_built_in_set_applies()
    {
        var options = Options().GetRequiredService<IOptions<WorkloadOptions>>().Value;
        Assert.Equal(WorkloadOptions.BuiltInWeights, options.WeightSets);
        Assert.Equal(5, options.WeightsOn(new DateOnly(2016, 6, 1)).Vsomt[Server.Common.RiskLevel.High]);
    }

    [Fact]
    public void The_built_in_settings_are_all_valid()
    {
        var services = Options(("Demo:Enabled", "true"));
        _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        _ = services.GetRequiredService<IOptions<ForceOptions>>().Value;
        _ = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        _ = services.GetRequiredService<IOptions<ComplianceOptions>>().Value;
        _ = services.GetRequiredService<IOptions<WorkloadOptions>>().Value;
        _ = services.GetRequiredService<IOptions<ReviewOptions>>().Value;
        _ = services.GetRequiredService<IOptions<AuthOptions>>().Value;
    }

    public static TheoryData<string, string, Type> BadSettings => new()
    {
        { "Compliance:RsoHomeVisitMonths:High", "0", typeof(ComplianceOptions) },
        // Sexual Offences Act 2003 s.85: re-notification at least yearly, so not every 18 months.
        { "Notification:PeriodicMonths", "18", typeof(NotificationOptions) },
        // Sexual Offences Act 2003 s.84(1): a change of details is notified within 3 days.
        { "Notification:ChangeWindowDays", "10", typeof(NotificationOptions) },
        { "Workload:CapacityPointsFullTime", "-1", typeof(WorkloadOptions) },
        { "Workload:ExcessiveWeeks", "0", typeof(WorkloadOptions) },
        { "Workload:Weights:0:Orders:SCPO", "-5", typeof(WorkloadOptions) },
        { "Reviews:VsomtMonths", "0", typeof(ReviewOptions) },
        { "Auth:Mode", "Sometimes", typeof(AuthOptions) },
        { "Auth:TokenLifetime", "00:00:01", typeof(AuthOptions) },
        { "Auth:SigningKey", "not-base64!", typeof(AuthOptions) },
        { "Auth:MaxFailedSignIns", "0", typeof(AuthOptions) },
        { "Force:TimeZone", "Mars/Olympus", typeof(ForceOptions) },
        { "Storage:DatabaseFileName", "../elsewhere.db", typeof(StorageOptions) },
    };

    private static readonly Dictionary<Type, Func<IServiceProvider, object>> Read = new()
    {
        [typeof(ComplianceOptions)] = s => s.GetRequiredService<IOptions<ComplianceOptions>>().Value,
        [typeof(NotificationOptions)] = s => s.GetRequiredService<IOptions<NotificationOptions>>().Value,
        [typeof(WorkloadOptions)] = s => s.GetRequiredService<IOptions<WorkloadOptions>>().Value,
        [typeof(ReviewOptions)] = s => s.GetRequiredService<IOptions<ReviewOptions>>().Value,
        [typeof(AuthOptions)] = s => s.GetRequiredService<IOptions<AuthOptions>>().Value,
        [typeof(ForceOptions)] = s => s.GetRequiredService<IOptions<ForceOptions>>().Value,
        [typeof(StorageOptions)] = s => s.GetRequiredService<IOptions<StorageOptions>>().Value,
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_is_refused_naming_it(string key, string value, Type optionsType)
    {
        var services = Options((key, value));
        var error = Assert.Throws<OptionsValidationException>(() => Read[optionsType](services));
        Assert.Contains(error.Failures, f => f.StartsWith(key + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_instances_refuse_a_signing_key_made_per_instance_and_accept_a_shared_one()
    {
        (string, string)[] multi = [("Storage:MultiInstance", "true"), ("Storage:Provider", "Postgres")];
        var error = Assert.Throws<OptionsValidationException>(() => Options(multi).GetRequiredService<IOptions<AuthOptions>>().Value);
        Assert.Contains(error.Failures, f => f.StartsWith("Auth:SigningKey must be set", StringComparison.Ordinal));

        var sharedKey = Convert.ToBase64String(new byte[32]);
        _ = Options([.. multi, ("Auth:SigningKey", sharedKey)]).GetRequiredService<IOptions<AuthOptions>>().Value;
        _ = Options([.. multi, ("Auth:Mode", "External"), ("Auth:Authority", "https://idp.example")]).GetRequiredService<IOptions<AuthOptions>>().Value;
        // One instance keeps making its own key, as before.
        _ = Options().GetRequiredService<IOptions<AuthOptions>>().Value;
    }

    [Fact]
    public void Several_instances_need_postgres()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(("Storage:MultiInstance", "true")).GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains(error.Failures, f => f.StartsWith("Storage:MultiInstance ", StringComparison.Ordinal));
    }

    [Fact]
    public void External_sign_in_needs_the_identity_providers_https_address()
    {
        var services = Options(("Auth:Mode", "External"), ("Auth:Authority", "http://idp.example"));
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AuthOptions>>().Value);
        Assert.Contains(error.Failures, f => f.StartsWith("Auth:Authority ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_server_started_with_bad_settings_exits_non_zero_naming_every_one()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("offendermgmt-settings-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList =
                {
                    "exec", Path.Combine(AppContext.BaseDirectory, "OffenderMgmt.Server.dll"),
                    "--data-dir", dataDirectory, "--Urls", "http://127.0.0.1:0",
                    "--Workload:CapacityPointsFullTime=-1", "--Force:TimeZone=Mars/Olympus",
                },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(deadline.Token);

            Assert.Equal(ConfigurationFailure.ExitCode, process.ExitCode);
            var message = await stderr;
            Assert.Contains("Workload:CapacityPointsFullTime must be from 1", message);
            Assert.Contains("Force:TimeZone must be an IANA time zone", message);
            Assert.DoesNotContain("   at ", message + await stdout);   // a message, not a stack trace
            Assert.Empty(Directory.GetFiles(dataDirectory));              // nothing was created
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
