using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Common;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.LocalOfficer;

/// <summary>
/// "I have just seen this person here, now: is that a breach?" The officer picks the person
/// (from the briefing, or anyone by name), here (the map cursor) or a typed location, and who
/// they were with; the server's verdict comes back in plain words, condition by condition.
/// From there the sighting can be put on record as intelligence (Alt+R).
/// </summary>
public sealed class CheckSightingDialog : FormDialog
{
    private readonly GeoPosition? _here;
    private readonly List<(string Label, (string Id, string Name) Person)> _people;
    private readonly Label _verdict;

    private readonly bool _recordAfterCheck;

    /// <param name="recordAfterCheck">F8 "Record": check first (the officer sees the verdict), then go straight on to recording.</param>
    private readonly int _listRows;

    public CheckSightingDialog(ClientContext context, IReadOnlyList<BriefingPerson> briefing, string? selectedPersonId, GeoPosition? here, bool recordAfterCheck = false)
        : base(context, recordAfterCheck ? "Record a sighting" : "Check a sighting", recordAfterCheck ? "_Check and record…" : "_Check", 100)
    {
        _here = here;
        _recordAfterCheck = recordAfterCheck;
        _people = briefing
            .Select(p => ($"{TextWrap.Fit(p.Name, 28),-28} {(p.LivesHere ? "lives here" : "excluded from here"),-19} risk {p.Risk.Describe()}", (p.PersonId, p.Name)))
            .ToList();
        // A short terminal (100x30): a shorter person list and no blank lines between the fields.
        _listRows = ShortScreen.ListRows(context.App, 6, 4);
        var gap = ShortScreen.Gap(context.App);
        var personLabel = new Label { X = 1, Y = 1, Text = "_Person:" };
        Person = new ChoiceList<(string Id, string Name)>(_people, Math.Max(0, briefing.ToList().FindIndex(p => p.PersonId == selectedPersonId)))
        {
            X = 12, Y = 1, Width = Dim.Fill(1), Height = Math.Clamp(_people.Count, 1, _listRows),
        };
        var find = new Button { X = 12, Y = Pos.Bottom(Person), Text = "_Find someone else (F3)" };
        find.Accepting += (_, e) =>
        {
            e.Handled = true;
            FindSomeoneElse();
        };
        var whereLabel = new Label { X = 1, Y = Pos.Bottom(find) + gap, Text = "_Where:" };
        Where = new RadioGroup
        {
            X = 12, Y = Pos.Top(whereLabel),
            Labels = [here is { } h ? $"Here: the map cursor, {h}" : "Here: (no map position)", "A typed location (latitude, longitude):"],
            Value = here is null ? 1 : 0,
        };
        Typed = new TextField { X = 54, Y = Pos.Top(whereLabel) + 1, Width = Dim.Fill(1) };
        Typed.TextChanged += (_, _) => { if (Typed.Text.Length > 0) Where.Value = 1; };
        var withLabel = new Label { X = 1, Y = Pos.Bottom(Where) + gap, Text = "Wi_th:" };
        With = new TextField { X = 12, Y = Pos.Top(withLabel), Width = Dim.Fill(1) };
        var withHint = new Label { X = 12, Y = Pos.Bottom(With), Text = "optional: who they were with, e.g. \"a girl of about 12\"" };
        // Issue 18: a vehicle seen, by registration mark; everyone linked to it is checked.
        var vehicleLabel = new Label { X = 1, Y = Pos.Bottom(withHint) + gap, Text = "Re_g mark:" };
        Vehicle = new TextField { X = 12, Y = Pos.Top(vehicleLabel), Width = 12 };
        PersonSeen = new CheckBox { X = 26, Y = Pos.Top(vehicleLabel), Text = "the person above was _seen with it", Value = CheckState.UnChecked };
        var when = new Label { X = 1, Y = Pos.Bottom(vehicleLabel) + gap, Text = "When:      now" };
        _verdict = new Label { X = 1, Y = Pos.Bottom(when) + gap, Width = Dim.Fill(1), Height = 7, Text = "" };
        Add(personLabel, Person, find, whereLabel, Where, Typed, withLabel, With, withHint, vehicleLabel, Vehicle, PersonSeen, when, _verdict);
        AddProblemLine(Pos.Bottom(_verdict));

        RecordButton = new Button { Text = "_Record…", Enabled = false };
        RecordButton.Accepting += (_, e) =>
        {
            e.Handled = true;
            Record();
        };
        AddButton(RecordButton);
        // Dialog makes its last button the default: Enter must check, never put a sighting on
        // record (issue 20, "Also": Record… was drawn as the default button).
        RecordButton.IsDefault = false;
        OkButton.IsDefault = true;
        KeyDown += (_, key) =>
        {
            if (key != Key.F3) return;
            FindSomeoneElse();
            key.Handled = true;
        };
        // A verdict is about one person, place and company: change any and it no longer stands (issue 20, point 5).
        Person.ValueChanged += (_, _) => ForgetVerdict();
        Where.ValueChanged += (_, _) => ForgetVerdict();
        Typed.TextChanged += (_, _) => ForgetVerdict();
        With.TextChanged += (_, _) => ForgetVerdict();
        Vehicle.TextChanged += (_, _) => ForgetVerdict();
        PersonSeen.ValueChanged += (_, _) => ForgetVerdict();
        StartIn(_people.Count == 0 ? find : Person);
    }

    private void ForgetVerdict()
    {
        if (Checked is null || RecordedSummary is not null) return;
        Checked = null;
        Verdict = null;
        _verdict.Text = "";
        _verdict.SetScheme(Theme.Dialog);
        RecordButton.Enabled = false;
    }

    /// <summary>What is typed here is a question, not a record: Esc simply closes.</summary>
    protected override bool AsksBeforeDiscarding => false;

    public ChoiceList<(string Id, string Name)> Person { get; }
    public RadioGroup Where { get; }
    public TextField Typed { get; }
    public TextField With { get; }
    /// <summary>Issue 18: the registration mark of a vehicle seen (optional).</summary>
    public TextField Vehicle { get; }
    /// <summary>With a vehicle: whether the person chosen above was seen with it (otherwise only the vehicle was).</summary>
    public CheckBox PersonSeen { get; }
    public Button RecordButton { get; }

    /// <summary>The last verdict shown, and what it was about.</summary>
    public SightingVerdict? Verdict { get; private set; }
    public string VerdictText => _verdict.Text;
    public SightingQuery? Checked { get; private set; }

    /// <summary>What recording did, in words, once the sighting is on record.</summary>
    public string? RecordedSummary { get; private set; }

    private void FindSomeoneElse()
    {
        if (FindPersonDialog.Pick(Context, Purpose.SightingCheck, "Find the person seen") is not { } found) return;
        _people.Add(($"{TextWrap.Fit(found.Name, 28),-28} {found.AreaName ?? ""}", (found.Id, found.Name)));
        Person.SetChoices(_people, _people.Count - 1);
        Person.Height = Math.Clamp(_people.Count, 1, _listRows);
    }

    protected override async Task<bool> SubmitCoreAsync()
    {
        var registration = string.IsNullOrWhiteSpace(Vehicle.Text) ? null : Vehicle.Text.Trim();
        var personSeen = registration is null || PersonSeen.Value == CheckState.Checked;
        if (personSeen && (Person.Count == 0 || Person.Chosen.Id is null))
        {
            ShowProblem("Choose who was seen (F3 finds anyone by name).");
            return false;
        }
        var (position, problem) = SightingPlace.Resolve(Where.Value == 0, _here, Typed.Text);
        if (position is not { } at)
        {
            ShowProblem(problem!);
            return false;
        }
        var query = new SightingQuery(personSeen ? Person.Chosen.Id : "", at, string.IsNullOrWhiteSpace(With.Text) ? null : With.Text.Trim(), registration);
        var done = await Calls.RunAsync("Checking", ct => Context.Gateways.Areas.CheckSightingAsync(query, ct));
        if (!done.Ok) return false;
        Checked = query;
        ShowVerdict(done.Value!, Person.Chosen.Name);
        RecordButton.Enabled = true;
        if (_recordAfterCheck) Record();
        return false;  // the officer reads the verdict here, then records it or closes
    }

    private void ShowVerdict(SightingVerdict verdict, string name)
    {
        Verdict = verdict;
        // The server's summary usually opens with the verdict ("BREACH: ..."); say it once.
        var rest = Words.WithoutHeadline(verdict.Summary);
        var headline = rest.Length > 0 ? $"{verdict.Verdict.Describe().ToUpperInvariant()}: {rest}" : verdict.Verdict.Describe().ToUpperInvariant();
        var lines = new List<string> { headline };
        lines.AddRange(verdict.Findings.Select(f =>
            $"  • {f.OrderType}, \"{TextWrap.Fit(f.ConditionWording ?? "condition", 60)}\": {f.Verdict.Describe().ToLowerInvariant()}{(f.Reason is { } reason && reason != verdict.Summary ? $" ({reason})" : "")}"));
        if (verdict.People is { Count: > 0 } people)
        {
            // Issue 18: a vehicle sighting; one verdict per person linked to it (or seen with it).
            lines = [$"{verdict.Verdict.Describe().ToUpperInvariant()}: vehicle {verdict.Registration}, {Words.Count(people.Count, "person", "people")} checked"];
            lines.AddRange(people.Select(p => $"  • {p.PersonName} ({p.VehicleLink ?? "seen"}{(p.Identified ? ", seen" : ", not seen")}): {p.Summary}"));
        }
        else if (verdict.Registration is { } reg) lines = [$"{verdict.Verdict.Describe().ToUpperInvariant()}: {verdict.Summary}"];
        if (verdict.AreaName is { } area) lines.Add(verdict.Registration is { } vehicle ? $"  Vehicle {vehicle} seen in {area}." : $"  Checked for {verdict.PersonName ?? name}, seen in {area}.");
        _verdict.Text = string.Join("\n", lines.SelectMany(l => TextWrap.Lines(l, InnerWidth)).Take(7));
        _verdict.SetScheme(Theme.Line(verdict.Verdict switch
        {
            Gateway.Verdict.Breach => Theme.ErrorText,
            Gateway.Verdict.NoBreach => Theme.GoodText,
            _ => Theme.WarningText,
        }));
    }

    private void Record()
    {
        if (Checked is not { } query) return;
        using var dialog = new RecordSightingDialog(Context, query, query.PersonId.Length > 0 ? Person.Chosen.Name : $"vehicle {query.Registration}");
        App!.Run(dialog);
        if (!dialog.Completed || dialog.Recorded is not { } recorded) return;
        ShowVerdict(recorded.Verdict, Person.Chosen.Name);
        RecordedSummary = dialog.Summary;
        ShowProblem("");
        Feedback.Info(dialog.Summary);
        RecordButton.Enabled = false;
    }
}
