using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Common;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Supervisor;

/// <summary>
/// Grants one analyst access to named people's records for a stated purpose and a limited
/// number of days (Access/GrantAnalystAccess; the server caps both and audits the grant).
/// The analyst is picked from the list of analysts' accounts (Access/ListAnalysts, loaded when
/// the dialog opens; moving the highlight or Enter fills in the sign-in name), or typed when
/// the list is empty (an external identity provider). F3 (or the button) finds a person to
/// add; Delete removes the selected one.
/// </summary>
public sealed class GrantAnalystDialog : FormDialog
{
    private readonly List<PersonMatch> _people = [];
    private bool _filling;

    public GrantAnalystDialog(ClientContext context) : base(context, "Grant an analyst access to named people", "_Grant", 84)
    {
        var analystLabel = new Label { X = 1, Y = 1, Text = "_Analyst:" };
        Analysts = new ChoiceList<AnalystChoice>([]) { X = 16, Y = 1, Width = Dim.Fill(1), Height = 3 };
        var nameLabel = new Label { X = 1, Y = 4, Text = "Sign-in _name:" };
        Analyst = new TextField { X = 16, Y = 4, Width = 30 };
        var peopleLabel = new Label { X = 1, Y = 6, Text = "People:" };
        People = new ChoiceList<PersonMatch>([]) { X = 16, Y = 6, Width = Dim.Fill(1), Height = 4 };
        Analysts.ValueChanged += (_, _) => FillFromList();
        Analysts.Accepting += (_, e) => { e.Handled = true; FillFromList(); People.SetFocus(); };
        var add = new Button { X = 16, Y = 10, Text = "Add a _person… (F3)" };
        add.Accepting += (_, e) => { e.Handled = true; FindAndAdd(); };
        var purposeLabel = new Label { X = 1, Y = 12, Text = "P_urpose:" };
        GrantPurpose = new TextField { X = 16, Y = 12, Width = Dim.Fill(1) };
        var reasonLabel = new Label { X = 1, Y = 14, Text = "_Why these:" };
        Reason = new TextField { X = 16, Y = 14, Width = Dim.Fill(1) };
        var daysLabel = new Label { X = 1, Y = 16, Text = "_Days:" };
        Days = new TextField { X = 16, Y = 16, Width = 5, Text = "30" };
        Add(analystLabel, Analysts, nameLabel, Analyst, peopleLabel, People, add, purposeLabel, GrantPurpose, reasonLabel, Reason, daysLabel, Days);
        AddProblemLine(Pos.Bottom(Days) + 1);
        StartIn(Analysts);
        KeyDown += (_, key) =>
        {
            if (key == Key.F3) { FindAndAdd(); key.Handled = true; }
            else if (key == Key.Delete && People.HasFocus && People.Chosen is { } chosen) { Remove(chosen); key.Handled = true; }
        };
        IsRunningChanged += (_, running) =>
        {
            if (running.Value && !AnalystsLoaded) _ = LoadAnalystsAsync();
        };
    }

    /// <summary>The analysts' accounts to pick from, once loaded.</summary>
    public ChoiceList<AnalystChoice> Analysts { get; }
    public bool AnalystsLoaded { get; private set; }

    public async Task LoadAnalystsAsync()
    {
        var done = await Calls.RunAsync("Loading the analysts", ct => Context.Gateways.Access.AnalystsAsync(ct));
        if (!done.Ok) return;
        // Listed without choosing: the highlight starts on the first, but the name is filled in only when the supervisor moves to one or presses Enter.
        _filling = true;
        Analysts.SetChoices(done.Value!.Select(a => (a.Label, a)));
        _filling = false;
        AnalystsLoaded = true;
        if (done.Value!.Count == 0)
        {
            Feedback.Info("No analysts' accounts are held here: type the analyst's sign-in name.");
            Analyst.SetFocus();
        }
    }

    private void FillFromList()
    {
        if (!_filling && Analysts.Chosen is { } analyst) Analyst.Text = analyst.Username;
    }

    public TextField Analyst { get; }
    public ChoiceList<PersonMatch> People { get; }
    public TextField GrantPurpose { get; }
    public TextField Reason { get; }
    public TextField Days { get; }
    public IReadOnlyList<PersonMatch> Chosen => _people;
    public AnalystGrantRow? Granted { get; private set; }

    public void AddPerson(PersonMatch person)
    {
        if (_people.Any(p => p.Id == person.Id)) return;
        _people.Add(person);
        People.SetChoices(_people.Select(p => (Label(p), p)));
    }

    private void Remove(PersonMatch person)
    {
        _people.RemoveAll(p => p.Id == person.Id);
        People.SetChoices(_people.Select(p => (Label(p), p)));
    }

    private static string Label(PersonMatch p) => p.DateOfBirth is { } born ? $"{p.Name} (born {Dates.Iso(born)})" : p.Name;

    private void FindAndAdd()
    {
        if (FindPersonDialog.Pick(Context, Purpose.Supervision, "Find a person to grant") is { } found) AddPerson(found);
    }

    protected override async Task<bool> SubmitCoreAsync()
    {
        var analyst = Analyst.Text.Trim();
        if (analyst.Length == 0)
        {
            ShowProblem("Pick the analyst from the list (Enter), or type their sign-in name.");
            return false;
        }
        if (_people.Count == 0)
        {
            ShowProblem("Add at least one person (F3): a grant names the people it opens.");
            return false;
        }
        if (!int.TryParse(Days.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days < 1)
        {
            ShowProblem("Give the number of days the grant lasts (a whole number, at least 1).");
            return false;
        }
        var purpose = GrantPurpose.Text.Trim();
        var reason = Reason.Text.Trim();
        var ids = _people.Select(p => p.Id).ToList();
        var done = await Calls.RunAsync("Granting access", ct => Context.Gateways.Access.GrantAsync(analyst, ids, purpose, reason, days, ct));
        if (!done.Ok) return false;
        Granted = done.Value;
        return true;
    }
}
