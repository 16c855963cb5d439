using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Common;

/// <summary>
/// Records a held MAPPA meeting's minutes: who attended, and for each case on the agenda the
/// decision, the level, the actions (what; owner agency; due date) and whether disclosure was
/// considered. The minutes go to the server in one call, once; a case whose decision is left
/// empty is not minuted.
/// </summary>
public sealed class MappaMinutesDialog : FormDialog
{
    private readonly MappaMeetingRow _meeting;
    private readonly Purpose _purpose;

    public MappaMinutesDialog(ClientContext context, MappaMeetingRow meeting, Purpose purpose)
        : base(context, $"Minutes · MAPPA level {meeting.Level} meeting {Dates.Iso(meeting.HeldOn)}", "_Save minutes", 110)
    {
        _meeting = meeting;
        _purpose = purpose;
        var rows = Math.Max(24, context.App.Screen.Height > 0 ? context.App.Screen.Height : 40);
        var attendeesLabel = new Label { X = 1, Y = 1, Text = "_Attendees:" };
        var hint = new Label { X = 14, Y = 1, Text = MappaMinutesText.AttendeesHint };
        Attendees = new NotesBox
        {
            X = 14, Y = 2, Width = Dim.Fill(1), Height = 3,
            Text = meeting.Chair.Length > 0 ? $"Police; {meeting.Chair}" : "",
        };
        var minutesLabel = new Label { X = 1, Y = Pos.Bottom(Attendees) + 1, Text = "_Minutes:" };
        var minutesHint = new Label
        {
            X = 14, Y = Pos.Top(minutesLabel), Width = Dim.Fill(1),
            Text = "action: what; owner agency; due yyyy-mm-dd · disclosure: no | yes, disclose: why | yes, do not disclose: why",
        };
        Minutes = new NotesBox { X = 14, Y = Pos.Bottom(minutesHint), Width = Dim.Fill(1), Height = Math.Max(6, rows - 16), Text = MappaMinutesText.Template(meeting) };
        Add(attendeesLabel, hint, Attendees, minutesLabel, minutesHint, Minutes);
        AddProblemLine(Pos.Bottom(Minutes) + 1);
        StartIn(Attendees);
    }

    public NotesBox Attendees { get; }
    public NotesBox Minutes { get; }
    public MappaMeetingRow? Saved { get; private set; }

    protected override async Task<bool> SubmitCoreAsync()
    {
        var (attendees, problem) = MappaMinutesText.ParseAttendees(Attendees.Text);
        if (problem is not null)
        {
            ShowProblem(problem);
            return false;
        }
        var (cases, caseProblem) = MappaMinutesText.ParseCases(Minutes.Text, _meeting);
        if (caseProblem is not null)
        {
            ShowProblem(caseProblem);
            return false;
        }
        var done = await Calls.RunAsync("Saving the minutes", ct => Context.Gateways.Mappa.RecordMinutesAsync(_meeting, attendees, cases, _purpose, ct));
        if (!done.Ok) return false;
        Saved = done.Value;
        return true;
    }
}
