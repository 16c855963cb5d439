using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Person;

/// <summary>
/// Records a notification the person gave at a police station (Sexual Offences Act 2003
/// ss.83-86; an SPO's name and address, Stalking Protection Act 2019 s.9): which kind, when it
/// was given, the day of the change it is about, and what was notified. The server judges it
/// against its deadline and says whether it was late; a late one opens a suspected breach.
/// </summary>
public sealed class RecordNotificationDialog : FormDialog
{
    private readonly string _personId;
    private readonly Purpose _purpose;
    private readonly WriteIntent _intent = new();

    public RecordNotificationDialog(ClientContext context, string personId, string personName, NotificationDuty duty, Purpose purpose)
        : base(context, $"Record a notification · {personName}", "_Save", 96)
    {
        _personId = personId;
        _purpose = purpose;
        var kinds = Enum.GetValues<NotificationKindChoice>().ToList();
        // Start on what is due next (the periodic one, usually), else the first kind.
        var start = duty.NoFixedAbode ? kinds.IndexOf(NotificationKindChoice.Weekly) : kinds.IndexOf(NotificationKindChoice.Periodic);
        var kindLabel = new Label { X = 1, Y = 1, Text = "_Kind:" };
        Kind = new ChoiceList<NotificationKindChoice>(kinds.Select(k => (k.Describe(), k)), Math.Max(0, start))
        {
            X = 14, Y = 1, Width = Dim.Fill(1), Height = 5,
        };
        var whenLabel = new Label { X = 1, Y = 7, Text = "_Given at:" };
        GivenAt = new WhenField(context) { X = 14, Y = 7 };
        var whenHint = new Label { X = Pos.Right(GivenAt) + 1, Y = 7, Text = WhenField.Hint };
        var dayLabel = new Label { X = 1, Y = 8, Text = "_Day of it:" };
        Day = new TextField { X = 14, Y = 8, Width = 12, Text = Dates.Iso(context.Today) };
        var dayHint = new Label { X = 28, Y = 8, Text = "the day of the change, stay, release or return (yyyy-mm-dd)" };
        NoFixedAbode = new CheckBox { X = 14, Y = 9, Text = "No _fixed abode (notifies weekly)", Value = duty.NoFixedAbode ? CheckState.Checked : CheckState.UnChecked };
        var travelLabel = new Label { X = 1, Y = 11, Text = "Travel:" };
        var departsLabel = new Label { X = 14, Y = 11, Text = "_departs" };
        Departs = new TextField { X = 23, Y = 11, Width = 17 };
        var toLabel = new Label { X = 41, Y = 11, Text = "t_o" };
        Destination = new TextField { X = 45, Y = 11, Width = 18 };
        var backLabel = new Label { X = 64, Y = 11, Text = "_back" };
        ReturnOn = new TextField { X = 70, Y = 11, Width = 11 };
        var travelHint = new Label { X = 14, Y = 12, Text = "foreign travel only: departs yyyy-mm-dd hh:mm, the country, back yyyy-mm-dd" };
        var detailsLabel = new Label { X = 1, Y = 14, Text = "De_tails:" };
        Details = new NotesBox { X = 14, Y = 14, Width = Dim.Fill(1), Height = 3 };
        Add(kindLabel, Kind, whenLabel, GivenAt, whenHint, dayLabel, Day, dayHint, NoFixedAbode,
            travelLabel, departsLabel, Departs, toLabel, Destination, backLabel, ReturnOn, travelHint, detailsLabel, Details);
        AddProblemLine(Pos.Bottom(Details) + 1);
        StartIn(Kind);
    }

    public ChoiceList<NotificationKindChoice> Kind { get; }
    public WhenField GivenAt { get; }
    public TextField Day { get; }
    public CheckBox NoFixedAbode { get; }
    public TextField Departs { get; }
    public TextField Destination { get; }
    public TextField ReturnOn { get; }
    public NotesBox Details { get; }
    public NotificationRecorded? Recorded { get; private set; }
    public string Summary { get; private set; } = "";

    protected override async Task<bool> SubmitCoreAsync()
    {
        var kind = Kind.Chosen;
        var (givenAt, problem) = GivenAt.Read();
        if (problem is not null)
        {
            ShowProblem(problem);
            return false;
        }
        DateOnly? day = null;
        if (kind.NeedsEffectiveDay())
        {
            if (!DateOnly.TryParseExact(Day.Text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                ShowProblem($"{kind.Describe()}: give the day it happened as yyyy-mm-dd; the deadline is counted from it.");
                return false;
            }
            day = d;
        }
        DateTimeOffset? departs = null;
        DateOnly? back = null;
        string? destination = null;
        if (kind == NotificationKindChoice.ForeignTravel)
        {
            if (!Dates.TryLocalTime(Departs.Text, Context.Clock.LocalTimeZone, out var leaving))
            {
                ShowProblem("Foreign travel: give the departure as yyyy-mm-dd hh:mm.");
                return false;
            }
            departs = leaving;
            destination = Destination.Text.Trim();
            if (ReturnOn.Text.Trim().Length > 0)
            {
                if (!DateOnly.TryParseExact(ReturnOn.Text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var r))
                {
                    ShowProblem("Foreign travel: give the return day as yyyy-mm-dd (or leave it empty).");
                    return false;
                }
                back = r;
            }
        }
        var given = new NotificationGiven(_personId, kind, givenAt, day, Details.Text,
            NoFixedAbode.Value == CheckState.Checked && Says(kind), departs, destination, back);
        var requestId = _intent.IdFor(given);
        var done = await Calls.RunAsync("Saving", ct => Context.Gateways.Notifications.RecordAsync(given, requestId, _purpose, ct));
        if (!done.Ok) return false;
        Recorded = done.Value!;
        Summary = Recorded.Late
            ? $"{kind.Describe()} recorded LATE ({Recorded.Judgement}); a suspected breach was opened with a task."
            : $"{kind.Describe()} recorded, in time ({Recorded.Judgement}).";
        return true;
    }

    /// <summary>Notifications that say where the person lives (the only ones "no fixed abode" goes with).</summary>
    private static bool Says(NotificationKindChoice kind) => kind is NotificationKindChoice.Initial or NotificationKindChoice.Periodic
        or NotificationKindChoice.Weekly or NotificationKindChoice.ChangeOfAddress or NotificationKindChoice.ReleaseFromCustody;
}
