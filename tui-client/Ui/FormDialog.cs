using OffenderMgmt.Tui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// A dialog that sends something to the server. Enter (from any field but a multi-line one) or
/// the OK button submits; while the call runs, Esc cancels the call rather than the dialog; a
/// refusal is shown inside the dialog with everything typed left in place, so the user can fix
/// it or simply try again (the same request id makes a retry safe). Only success closes it.
/// </summary>
public abstract class FormDialog : Dialog
{
    private readonly Label _problem;
    private readonly int _width;
    private bool _submitting;
    private View? _startIn;

    /// <param name="holdsTyping">False for a dialog that calls the server as the user types (a search): typing must not wait for it.</param>
    protected FormDialog(ClientContext context, string title, string okText, int width = 76, bool holdsTyping = true)
    {
        Context = context;
        Title = title;
        _width = Math.Min(width, Math.Max(40, (context.App.Screen.Width > 0 ? context.App.Screen.Width : 120) - 4));
        Width = _width;
        // Never taller than the screen: a dialog that grew past it (near here, the sighting check at
        // 100x30) lost its title and its buttons off the top and bottom of the terminal.
        var screenRows = context.App.Screen.Height > 0 ? context.App.Screen.Height : 40;
        Height = Dim.Auto(DimAutoStyle.Auto, maximumContentDim: Math.Max(12, screenRows - 2));
        SetScheme(Theme.Dialog);
        _problem = new Label { X = 1, Width = Dim.Fill(1), Height = 1, Text = "" };
        Feedback = new DialogFeedback(this);
        Calls = new Calls(context, Feedback, holdsTyping);

        // No Alt hotkey: Esc cancels, and Alt+C belongs to the dialog's own actions ("Check").
        CancelButton = new Button { Text = "Cancel" };
        CancelButton.Accepting += (_, e) =>
        {
            e.Handled = true;
            if (Calls.IsBusy) Calls.CancelAll();
            else CloseUnlessKeepingTyping();
        };
        OkButton = new Button { Text = okText };
        OkButton.Accepting += (_, e) =>
        {
            e.Handled = true;
            _ = SubmitAsync();
        };
        AddButton(CancelButton);
        AddButton(OkButton);
        IsRunningChanged += (_, running) =>
        {
            if (running.Value) _typedAtStart ??= Typed();
        };
        // The focus goes to the first field as the dialog becomes the one on top, before any key
        // is read: Terminal.Gui has just focused the dialog itself (a dialog opened by another
        // dialog's button then started on its own buttons). Doing it later, in a timer, took the
        // focus back from a field the user had already moved to with its Alt key and typed into.
        // Keys typed ahead are delivered after this (TypeAhead), so they land in that field.
        IsModalChanged += (_, modal) =>
        {
            if (!modal.Value || _focusedAtStart) return;
            _focusedAtStart = true;
            if (_startIn is { HasFocus: false, CanFocus: true, Enabled: true }) _startIn.SetFocus();
        };
        KeyDown += (_, key) =>
        {
            if (key != Key.Esc) return;
            key.Handled = true;
            if (Calls.IsBusy) Calls.CancelAll();
            else CloseUnlessKeepingTyping();
        };
    }

    private IReadOnlyList<string>? _typedAtStart;
    private bool _focusedAtStart;

    /// <summary>What is in the dialog's text boxes now, in order.</summary>
    private List<string> Typed()
    {
        var texts = new List<string>();
        void Walk(View view)
        {
            foreach (var sub in view.SubViews)
            {
                // NotesBox (a TextView) hides View.Text with its own: read each through its own type.
                if (sub is NotesBox notes) texts.Add(notes.Text);
                else if (sub is TextField field) texts.Add(field.Text);
                else Walk(sub);
            }
        }
        Walk(this);
        return texts;
    }

    /// <summary>True when something was typed since the dialog opened (and not yet sent).</summary>
    public bool HasUnsavedTyping => _typedAtStart is { } start && !start.SequenceEqual(Typed());

    /// <summary>False for dialogs whose typing is a search or a question, not something to record.</summary>
    protected virtual bool AsksBeforeDiscarding => true;

    /// <summary>Esc or Cancel: close, but ask first when that would throw away what was typed.</summary>
    private void CloseUnlessKeepingTyping()
    {
        if (AsksBeforeDiscarding && HasUnsavedTyping && !ConfirmDialog.Ask(Context.App, "Discard what you typed?",
                "You have typed into this form and not saved it. Closing throws it away.", "_Discard", "_Keep editing"))
            return;
        RequestStop();
    }

    /// <summary>Where the user starts typing: focused now, and again once the dialog is running.</summary>
    protected void StartIn(View view)
    {
        _startIn = view;
        view.SetFocus();
    }

    protected ClientContext Context { get; }
    protected Calls Calls { get; }
    protected IFeedback Feedback { get; }
    public Button OkButton { get; }
    public Button CancelButton { get; }

    /// <summary>True once the dialog did what it was for (false: cancelled or closed).</summary>
    public bool Completed { get; private set; }

    /// <summary>What the dialog last said: a problem, or what it is doing.</summary>
    public string ProblemText => _problem.Text;

    /// <summary>Width inside the border, for wrapping text.</summary>
    protected int InnerWidth => _width - 6;

    /// <summary>Adds the line where problems and progress are shown, under the fields.</summary>
    protected void AddProblemLine(Pos y)
    {
        _problem.Y = y;
        Add(_problem);
    }

    /// <summary>Checks the input, calls the server; true when done (the dialog then closes).</summary>
    protected abstract Task<bool> SubmitCoreAsync();

    /// <summary>Submits (once at a time); public so a test or a shortcut can press OK.</summary>
    public async Task SubmitAsync()
    {
        if (_submitting) return;
        _submitting = true;
        try
        {
            if (await SubmitCoreAsync())
            {
                Completed = true;
                RequestStop();
            }
        }
        finally
        {
            _submitting = false;
        }
    }

    /// <summary>Enter in a field bubbles here: submit rather than close, so a refusal keeps the dialog open.</summary>
    protected override bool OnAccepting(CommandEventArgs args)
    {
        _ = SubmitAsync();
        return true;
    }

    protected void ShowProblem(string text)
    {
        _showingProgress = false;
        var lines = TextWrap.Lines(text, Math.Max(20, InnerWidth));
        _problem.Height = Math.Min(lines.Count, 6);
        _problem.Text = string.Join("\n", lines.Take(6));
        _problem.SetScheme(Theme.Line(text.Length == 0 ? Theme.Dialog.Normal : Theme.ErrorText));
    }

    private bool _showingProgress;

    private void ClearProgress()
    {
        if (_showingProgress) ShowProgress("");
    }

    private void ShowProgress(string text)
    {
        _showingProgress = text.Length > 0;
        _problem.Height = 1;
        _problem.Text = text;
        _problem.SetScheme(Theme.Line(text.Length == 0 ? Theme.Dialog.Normal : Theme.BusyText));
    }

    private sealed class DialogFeedback(FormDialog dialog) : IFeedback
    {
        public void Busy(string doing) => dialog.ShowProgress($"{doing}  (Esc cancels)");
        public void Info(string text) => dialog.ShowProgress(text);
        public void Problem(string text) => dialog.ShowProblem(text);
        public void Idle() => dialog.ClearProgress();
    }
}
