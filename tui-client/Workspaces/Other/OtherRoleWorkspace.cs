using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Common;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Other;

/// <summary>
/// For roles the terminal client does not serve (analysts, partner agencies, services,
/// administrators): says so plainly, and lists what the server lets this account do, so they
/// know where to go instead. It reads no personal data at all.
/// </summary>
public sealed class OtherRoleWorkspace : WorkspaceWindow
{
    private readonly TextPanel _text = new() { X = 0, Y = 0 };

    public OtherRoleWorkspace(ClientContext context)
        : base(context, context.Session.Role.Describe(), "This screen only explains what your account may do.")
    {
        var content = new View { X = 0, Width = Dim.Fill(), CanFocus = true };
        content.Add(_text);
        Compose([], content, []);
        _text.SetFocus();
        Show(context.Session);
    }

    public string Explanation => _text.AllText;

    public override async Task RefreshAsync()
    {
        // Ask the server afresh: the account's role or permissions may have changed since sign-in.
        var done = await Calls.RunAsync("Checking your account", ct => Context.Gateways.Auth.WhoAmIAsync(ct));
        if (done.Ok) Show(done.Value!);
    }

    private void Show(Session session)
    {
        var lines = new List<string>
        {
            $"Signed in as {session.DisplayName} ({session.Username}), role: {session.Role.Describe()}.",
            "",
            "This terminal client serves offender managers, supervisors, local officers, analysts (reports) and administrators (review of records).",
            "Your role has no workspace here, and the client shows you no records.",
            "",
            Advice(session.Role),
            "",
            "What the server lets your account call (over the gRPC API):",
        };
        lines.AddRange(session.AllowedMethods
            .Select(m => m.TrimStart('/').Replace("offendermgmt.v1.", "", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(m => $"  {m}"));
        lines.Add("");
        lines.Add("Ctrl+Q quits; Session > Sign out returns to the sign-in screen.");
        _text.SetLines(lines);
    }

    private static string Advice(UserRole role) => role switch
    {
        UserRole.Analyst => "Analysts use the reporting tools and the API's workload and aggregate calls; individual records need a stated reason.",
        UserRole.PartnerAgency => "Partner agencies see members of the IOM cohort through their own systems, over the API.",
        UserRole.Service => "Service accounts are for other systems (courts, custody, case systems) calling the API, not for people.",
        UserRole.Admin => "Administrators manage accounts with the server's 'accounts' command and read the audit trail over the API.",
        _ => "Ask an administrator which tool your role should use.",
    };
}
