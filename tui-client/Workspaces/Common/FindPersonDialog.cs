using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Common;

/// <summary>
/// Finds a person by name (prefix or sound-alike, aliases too) or by PNC ID. Results come as the
/// name is typed, after a short pause (<see cref="Debounce"/>) so that every keystroke does not
/// call the server; an answer to older text is dropped, so the last answer wins. The server ranks
/// exact names above aliases above partial matches; the count line says how many match, and F8
/// (or Down on the last result) brings the next page. Enter in the box goes to the results; Enter
/// on a result picks it. A search shows only what tells people apart (name, date of birth, PNC ID,
/// beat): opening the record is a separate, purposeful step.
/// </summary>
public sealed class FindPersonDialog : FormDialog
{
    /// <summary>How long typing must pause before a search is sent (as in k9s' and fzf's filters).</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);

    private readonly int _pageSize;
    private readonly Purpose _purpose;
    private readonly Label _count;
    private readonly List<PersonMatch> _found = [];
    private int _generation;
    private string _searched = "";
    private string? _next;
    private int _total;
    private bool _capped;

    public FindPersonDialog(ClientContext context, Purpose purpose, string title = "Find a person", int pageSize = 50)
        : base(context, title, "_Choose", 90, holdsTyping: false)
    {
        _purpose = purpose;
        _pageSize = pageSize;
        var label = new Label { X = 1, Y = 1, Text = "_Name or PNC ID:" };
        Query = new TextField { X = 17, Y = 1, Width = Dim.Fill(1) };
        _count = new Label { X = 1, Y = 2, Width = Dim.Fill(1), Text = "Type two letters or more of a name, or a full PNC ID." };
        Results = new ChoiceList<PersonMatch>([]) { X = 1, Y = 3, Width = Dim.Fill(1), Height = Math.Clamp(context.App.Screen.Height - 14, 5, 15) };
        Add(label, Query, _count, Results);
        AddProblemLine(Pos.Bottom(Results) + 1);
        Query.TextChanged += (_, _) => Schedule();
        Results.KeyDown += (_, key) =>
        {
            if (key == Key.F8 || (key == Key.CursorDown && Results.Value == Results.Count - 1 && _next is not null))
            {
                key.Handled = true;
                _ = MoreAsync();
            }
        };
        KeyDown += (_, key) =>
        {
            if (key != Key.F8) return;
            key.Handled = true;
            _ = MoreAsync();
        };
        Query.SetFocus();
    }

    /// <summary>What is typed here is a question, not a record: Esc simply closes.</summary>
    protected override bool AsksBeforeDiscarding => false;

    public TextField Query { get; }
    public ChoiceList<PersonMatch> Results { get; }
    public PersonMatch? Picked { get; private set; }

    /// <summary>The count line: "3 found", "50 of 340 shown · F8 for more".</summary>
    public string CountText => _count.Text;

    /// <summary>A search or a page is on its way.</summary>
    public bool IsSearching => Calls.IsBusy;

    /// <summary>The text whose results are showing (empty before any).</summary>
    public string Searched => _searched;

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
        // Enter searches at once (no pause) when the results are not for this text yet.
        if (text != _searched) await SearchAsync(++_generation, text);
        if (_found.Count > 0) Results.SetFocus();
        return false;
    }

    private void Schedule()
    {
        var generation = ++_generation;
        var text = Query.Text.Trim();
        if (text.Length < 2)
        {
            Show([], "", null, 0, false);
            _count.Text = "Type two letters or more of a name, or a full PNC ID.";
            return;
        }
        Context.App.AddTimeout(Debounce, () =>
        {
            if (generation == _generation) _ = SearchAsync(generation, text);
            return false;
        });
    }

    private async Task SearchAsync(int generation, string text)
    {
        Calls.CancelAll();
        _count.Text = $"Searching for \"{text}\"…";
        var done = await Calls.TryAsync("Searching", ct => Context.Gateways.People.SearchAsync(text, _purpose, ct, limit: _pageSize));
        if (generation != _generation) return;  // the text changed while this was on its way: a newer answer follows
        if (!done.Ok)
        {
            Calls.Report(done);
            _count.Text = "";
            return;
        }
        var page = done.Value!;
        Show(page.People, text, page.NextPageToken, page.Count, page.CountCapped);
    }

    private async Task MoreAsync()
    {
        if (_next is null || Calls.IsBusy) return;
        var generation = _generation;
        var done = await Calls.RunAsync("Loading more", ct => Context.Gateways.People.SearchAsync(_searched, _purpose, ct, _next, _pageSize));
        if (generation != _generation || !done.Ok) return;
        var at = _found.Count;
        _found.AddRange(done.Value!.People);
        _next = done.Value.NextPageToken;
        Refresh(at);
    }

    private void Show(IReadOnlyList<PersonMatch> people, string text, string? next, int total, bool capped)
    {
        _found.Clear();
        _found.AddRange(people);
        _searched = text;
        _next = next;
        _total = total;
        _capped = capped;
        Refresh(0);
    }

    private void Refresh(int select)
    {
        var today = Context.Today;
        Results.SetChoices(_found.Select(p => (Describe(p, today), p)), select);
        var more = _next is null ? "" : " · F8 for more";
        _count.Text = _searched.Length == 0 ? ""
            : _found.Count == 0 ? $"Nobody found for \"{_searched}\"."
            : _capped ? $"{_found.Count} shown of more than {_total}: type more of the name{more}"
            : _found.Count < _total ? $"{_found.Count} of {_total} shown, best matches first{more}"
            : $"{_total} found";
        ShowProblem("");
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
