using Microsoft.Extensions.Options;

namespace OffenderMgmt.Server.Hosting;

/// <summary>What an operator sees when a setting is wrong: each bad setting by name, and exit code 2.</summary>
public static class ConfigurationFailure
{
    public const int ExitCode = 2;

    /// <summary>
    /// Checks every setting first (all of them, so an operator hears of every bad one at once,
    /// before the host starts and logs), then runs the server or an admin command; a bad setting
    /// ends it with <see cref="ExitCode"/>.
    /// </summary>
    public static async Task<int> Guard(IServiceProvider services, Func<Task<int>> run)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return await run();
        }
        catch (OptionsValidationException invalid)
        {
            return Report(invalid.Failures);
        }
        catch (AggregateException many) when (many.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return Report(many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        }
    }

    private static int Report(IEnumerable<string> failures)
    {
        Console.Error.WriteLine("OffenderMgmt cannot start: the configuration is not valid.");
        foreach (var failure in failures) Console.Error.WriteLine($"  {failure}");
        Console.Error.WriteLine("Fix these settings in appsettings.json, the environment (Section__Setting=...) or the command line (--Section:Setting=...).");
        return ExitCode;
    }
}
