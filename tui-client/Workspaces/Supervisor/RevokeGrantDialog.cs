using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Supervisor;

/// <summary>Revokes an analyst's grant with a reason (Access/RevokeAnalystGrant): it takes effect on their next read and stays on record, ended.</summary>
public sealed class RevokeGrantDialog : FormDialog
{
    private readonly AnalystGrantRow _grant;

    public RevokeGrantDialog(ClientContext context, AnalystGrantRow grant) : base(context, $"Revoke {grant.Analyst}'s grant", "_Revoke")
    {
        _grant = grant;
        var what = new Label
        {
            X = 1, Y = 1, Width = Dim.Fill(1),
            Text = TextWrap.Wrap($"\"{grant.Purpose}\": {grant.PersonIds.Count} people, until {Dates.Time(grant.ExpiresAt, context.Clock.LocalTimeZone)}.", InnerWidth),
        };
        var label = new Label { X = 1, Y = Pos.Bottom(what) + 1, Text = "Rea_son:" };
        Reason = new TextField { X = 10, Y = Pos.Top(label), Width = Dim.Fill(1) };
        Add(what, label, Reason);
        AddProblemLine(Pos.Bottom(Reason) + 1);
        StartIn(Reason);
    }

    public TextField Reason { get; }

    protected override async Task<bool> SubmitCoreAsync()
    {
        var reason = Reason.Text.Trim();
        if (reason.Length == 0)
        {
            ShowProblem("Give the reason for revoking: it is kept with the grant.");
            return false;
        }
        var done = await Calls.RunAsync("Revoking the grant", ct => Context.Gateways.Access.RevokeAsync(_grant.Id, reason, ct));
        return done.Ok;
    }
}
