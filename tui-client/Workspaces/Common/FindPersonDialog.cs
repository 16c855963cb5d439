using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Common;

/// <summary>
/// Finds a person by name (prefix or sound-alike, aliases too) or by PNC ID. Enter in the box
/// searches; Enter on a result picks it. A search shows only what tells people apart (name,
/// date of birth, PNC ID, beat): opening the record is a separate, purposeful step.
/// </summary>
public sealed class FindPersonDialog : FormDialog
{
    private readonly Purpose _purpose;

    public FindPersonDialog(ClientContext context, Purpose purpose, string title = "Find a person")
        : base(context, title, "_Choose", 90)
    {
        _purpose = purpose;
        var label = new Label { X = 1, Y = 1, Text = "_Name or PNC ID:" };
        Query = new TextField { X = 17, Y = 1, Width = Dim.Fill(1) };
        Results = new ChoiceList<PersonMatch>([]) { X = 1, Y = 3, Width = Dim.Fill(1), Height = 10 };
        Add(label, Query, Results);
        AddProblemLine(Pos.Bottom(Results) + 1);
        Query.SetFocus();
    }

    /// <summary>What is typed here is a question, not a record: Esc simply closes.</summary>
    protected override bool AsksBeforeDiscarding => false;

    public TextField Query { get; }
    public ChoiceList<PersonMatch> Results { get; }
    public PersonMatch? Picked { get; private set; }

    protected override async Task<bool> SubmitCoreAsync()
    {
        if (Results.HasFocus && Results.Chosen is { } chosen)
        {
            Picked = chosen;
            return true;
        }
        var text = Query.Text.Trim();
        if (text.Length < 2)
        {
            ShowProblem("Type at least two letters of a name, or a full PNC ID (e.g. 2001/0012345C).");
            return false;
        }
        var done = await Calls.RunAsync("Searching", ct => Context.Gateways.People.SearchAsync(text, _purpose, ct));
        if (!done.Ok) return false;
        var today = Context.Today;
        Results.SetChoices(done.Value!.Select(p => (Describe(p, today), p)));
        if (done.Value!.Count == 0)
        {
            ShowProblem($"Nobody found for \"{text}\".");
            return false;
        }
        ShowProblem("");
        Results.SetFocus();
        return false;
    }

    private static string Describe(PersonMatch p, DateOnly today)
    {
        var age = p.DateOfBirth is { } born ? today.Year - born.Year - (born.AddYears(today.Year - born.Year) > today ? 1 : 0) : (int?)null;
        var aliases = p.Aliases.Count > 0 ? $" (aka {string.Join(", ", p.Aliases)})" : "";
        return $"{TextWrap.Fit(p.Name + aliases, 36),-36} {Dates.Iso(p.DateOfBirth),-10} {(age is null ? "" : $"age {age}"),-7} {p.PncId ?? "",-13} {(p.InCustody ? "in custody" : p.AreaName ?? "")}";
    }

    /// <summary>Shows the dialog; the person picked, or null.</summary>
    public static PersonMatch? Pick(ClientContext context, Purpose purpose, string title = "Find a person")
    {
        using var dialog = new FindPersonDialog(context, purpose, title);
        context.App.Run(dialog);
        return dialog.Completed ? dialog.Picked : null;
    }
}
