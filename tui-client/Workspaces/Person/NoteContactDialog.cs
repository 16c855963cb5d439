using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Person;

/// <summary>Notes a contact with the person (visit, appointment, call) against one of their managements.</summary>
public sealed class NoteContactDialog : FormDialog
{
    private readonly string _personId;
    private readonly Purpose _purpose;
    private readonly WriteIntent _intent = new();

    public NoteContactDialog(ClientContext context, string personId, string personName, IReadOnlyList<ManagementView> activeManagements, Purpose purpose)
        : base(context, $"Note a contact · {personName}", "_Save")
    {
        _personId = personId;
        _purpose = purpose;
        var kindLabel = new Label { X = 1, Y = 1, Text = "_Contact:" };
        Kind = new RadioGroup
        {
            X = 12, Y = 1, Labels = Enum.GetValues<ContactType>().Select(t => t.Describe()).ToList(), Value = 0,
        };
        var caseLabel = new Label { X = 1, Y = Pos.Bottom(Kind) + 1, Text = "C_ase:" };
        var cases = activeManagements.Select(m => ($"{m.Scheme} · {m.Summary}", (string?)m.Id)).ToList();
        if (cases.Count == 0) cases.Add(("(not under a scheme)", null));
        Case = new ChoiceList<string?>(cases) { X = 12, Y = Pos.Top(caseLabel), Width = Dim.Fill(1), Height = Math.Clamp(cases.Count, 1, 3) };
        var noteLabel = new Label { X = 1, Y = Pos.Bottom(Case) + 1, Text = "_Note:" };
        Note = new NotesBox { X = 12, Y = Pos.Top(noteLabel), Width = Dim.Fill(1), Height = 6 };
        var whenLabel = new Label { X = 1, Y = Pos.Bottom(Note) + 1, Text = "_When:" };
        When = new WhenField(context) { X = 12, Y = Pos.Top(whenLabel) };
        var whenHint = new Label { X = Pos.Right(When) + 1, Y = Pos.Top(whenLabel), Text = WhenField.Hint };
        Add(kindLabel, Kind, caseLabel, Case, noteLabel, Note, whenLabel, When, whenHint);
        AddProblemLine(Pos.Bottom(When) + 1);
        StartIn(Kind);
    }

    public RadioGroup Kind { get; }
    public ChoiceList<string?> Case { get; }
    public NotesBox Note { get; }
    public WhenField When { get; }
    public string Summary { get; private set; } = "";

    protected override async Task<bool> SubmitCoreAsync()
    {
        var text = Note.Text.Trim();
        if (text.Length == 0)
        {
            ShowProblem("Write what happened in the note.");
            return false;
        }
        var (at, problem) = When.Read();
        if (problem is not null)
        {
            ShowProblem(problem);
            return false;
        }
        var type = Enum.GetValues<ContactType>()[Math.Clamp(Kind.Value ?? 0, 0, 3)];
        var managementId = Case.Chosen;
        var requestId = _intent.IdFor((type, managementId, text, at));
        var done = await Calls.RunAsync("Saving", ct =>
            Context.Gateways.Caseload.RecordContactAsync(_personId, managementId, type, text, requestId, _purpose, ct, at));
        if (!done.Ok) return false;
        Summary = $"{type.Describe()} noted.";
        return true;
    }
}
