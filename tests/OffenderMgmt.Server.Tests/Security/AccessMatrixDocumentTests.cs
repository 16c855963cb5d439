using System.Text;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Tests.Security;

/// <summary>docs/access-matrix.md is the access policy, written out; it must not drift from the code.</summary>
public class AccessMatrixDocumentTests
{
    [Fact]
    public void The_published_access_matrix_matches_the_policy_the_server_enforces()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "access-matrix.md");
        var expected = Render();
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected,
            "docs/access-matrix.md is out of date; run the tests once with UPDATE_DOCS=1 to rewrite it, and review the change.");
    }

    private static string Render()
    {
        var roles = Enum.GetValues<Role>();
        var text = new StringBuilder();
        text.AppendLine("# Who may call what");
        text.AppendLine();
        text.AppendLine("Generated from `server/Security/RpcAccessPolicy.cs` by `AccessMatrixDocumentTests`; a test fails if the two differ.");
        text.AppendLine("Beyond the role, `DisclosurePolicy` decides which people and fields a caller sees: own or team cases in full,");
        text.AppendLine("anyone else's with a stated reason, briefing fields only for local officers, the IOM cohort and the cases of MAPPA meetings their agency attends for partner agencies.");
        text.AppendLine("Analysts read aggregates: a person-level read needs a supervisor's live grant for that person (`Access/GrantAnalystAccess`), and shows the standard level.");
        text.AppendLine("Restricted casework text (check notes, breach details, contact text) is never shown to analysts, partners or services.");
        text.AppendLine("Health-kind warning markers (mental health, self-harm, drugs) do reach local officers in briefings, for officer safety; the health notes behind them do not.");
        text.AppendLine("The IOM review agenda is for the IOM team, its supervisors and partner agencies; anyone else states a reason.");
        text.AppendLine("`purpose` marks calls that need an `x-access-purpose` header.");
        text.AppendLine();
        text.AppendLine($"| RPC | kind | purpose | {string.Join(" | ", roles.Select(r => r.ToClaim()))} |");
        text.AppendLine($"|---|---|---|{string.Concat(roles.Select(_ => "---|"))}");
        foreach (var (method, rule) in RpcAccessPolicy.All.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var cells = roles.Select(r => rule.Anonymous ? "anyone" : rule.Roles.Contains(r) ? "yes" : "");
            text.AppendLine($"| `{method.TrimStart('/')}` | {rule.Kind.ToString().ToLowerInvariant()} | {(rule.PersonalData ? "purpose" : "")} | {string.Join(" | ", cells)} |");
        }
        text.AppendLine();
        text.AppendLine("## Service scopes");
        text.AppendLine();
        text.AppendLine("Generated from `server/Security/ServiceScopes.cs`. A `service` account calls a method marked `purpose` above only when one of its scopes, set when the account is created, opens it;");
        text.AppendLine("methods that touch no personal data need no scope. A service reads and changes only the orders it recorded.");
        text.AppendLine();
        text.AppendLine("| scope | allows | RPCs |");
        text.AppendLine("|---|---|---|");
        foreach (var scope in ServiceScopes.All)
            text.AppendLine($"| `{scope.Name}` | {scope.Allows} | {string.Join(", ", scope.Methods.Order(StringComparer.Ordinal).Select(m => $"`{m.TrimStart('/')}`"))} |");
        return text.ToString();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OffenderMgmt.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root.");
    }
}
