using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// Asks why the user needs a record that is not part of their own work. The reason goes to the
/// server with the call and into the audit log next to their name (DPA 2018 s.62), so the
/// dialog says so. Nothing is sent from here: the caller makes the call with the reason.
/// </summary>
public sealed class ReasonDialog : FormDialog
{
    public ReasonDialog(ClientContext context, string why) : base(context, "A reason is needed", "_Open")
    {
        var explanation = new Label
        {
            X = 1, Y = 1, Width = Dim.Fill(1),
            Text = TextWrap.Wrap($"{why}\n\nSay why you need to open it. Your reason is recorded in the audit log with your name and the time.", InnerWidth),
        };
        var label = new Label { X = 1, Y = Pos.Bottom(explanation) + 1, Text = "_Reason:" };
        Reason = new TextField { X = 10, Y = Pos.Top(label), Width = Dim.Fill(1) };
        Add(explanation, label, Reason);
        AddProblemLine(Pos.Bottom(Reason) + 1);
        StartIn(Reason);
    }

    public TextField Reason { get; }

    /// <summary>The reason given, once the dialog completed.</summary>
    public string? Given { get; private set; }

    protected override Task<bool> SubmitCoreAsync()
    {
        if (Purpose.ProblemWithReason(Reason.Text) is { } problem)
        {
            ShowProblem(problem);
            return Task.FromResult(false);
        }
        Given = Reason.Text.Trim();
        return Task.FromResult(true);
    }

    /// <summary>Shows the dialog over the current screen; the reason, or null if the user backed out.</summary>
    public static string? Ask(ClientContext context, string why)
    {
        using var dialog = new ReasonDialog(context, why);
        context.App.Run(dialog);
        return dialog.Completed ? dialog.Given : null;
    }
}
