using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// One column of a <see cref="RecordTable{T}"/>: its header, its text and, optionally, its colour.
/// It is as wide as its widest cell, between <paramref name="MinWidth"/> (the least it is cut to
/// when the terminal is narrow) and <paramref name="MaxWidth"/>; <paramref name="Priority"/> says
/// how long it stays when not every column fits (<see cref="Ui.Priority"/>).
/// </summary>
public sealed record Column<T>(
    string Header,
    Func<T, string> Text,
    int MinWidth = 0,
    int MaxWidth = 40,
    bool RightAlign = false,
    Func<T, Scheme?>? Colour = null,
    int Priority = Ui.Priority.Normal);

/// <summary>
/// A table of records: full-row cursor, Enter raises <see cref="Activated"/> with the record,
/// the cursor stays on the same record when the rows are replaced (a refresh or a re-sort does
/// not throw the user's place away and keeps it in view), and an empty table says so in words.
/// Columns take their width from their content and give way by priority when the table is
/// narrow (<see cref="ColumnFit"/>); a cut cell ends in an ellipsis. The header's rule shows the
/// position ("12 of 340"), and Home/End go to the first/last record, never sideways.
/// </summary>
public sealed class RecordTable<T> : TableView where T : class
{
    private readonly IReadOnlyList<Column<T>> _columns;
    private readonly Func<T, string> _key;
    private IReadOnlyList<T> _rows = [];
    private int[] _natural;
    private int _fittedWidth = -1;
    private const int MaxRowsMeasured = 5000;

    public RecordTable(IReadOnlyList<Column<T>> columns, Func<T, string> key)
    {
        _columns = columns;
        _key = key;
        _natural = columns.Select(c => c.Header.Length).ToArray();
        Width = Dim.Fill();
        Height = Dim.Fill();
        FullRowSelect = true;
        Style.ShowHorizontalHeaderOverline = false;
        Style.ShowVerticalCellLines = false;
        Style.ShowVerticalHeaderLines = false;
        Style.ShowHorizontalBottomLine = false;
        Style.AlwaysShowHeaders = true;
        Style.ExpandLastColumn = true;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var style = Style.GetOrCreateColumnStyle(i);
            style.MinWidth = Math.Max(column.MinWidth, column.Header.Length);
            style.MaxWidth = Math.Max(style.MinWidth, column.MaxWidth);
            if (column.RightAlign) style.Alignment = Alignment.End;
            if (column.Colour is { } colour)
                style.ColorGetter = args => args.RowIndex >= 0 && args.RowIndex < _rows.Count ? colour(_rows[args.RowIndex]) : null;
        }
        Table = Source([]);
        Accepting += (_, e) =>
        {
            if (Selected is { } record) RecordChosen?.Invoke(this, record);
            e.Handled = true;
        };
        ValueChanged += (_, _) => SelectionChanged?.Invoke(this, Selected);
    }

    /// <summary>Shown in the table's body when there are no rows, e.g. "No cases."</summary>
    public string EmptyText { get; set; } = "Nothing to show.";

    public IReadOnlyList<T> Rows => _rows;

    /// <summary>The record under the cursor, or null when the table is empty.</summary>
    public T? Selected => _rows.Count == 0 ? null : _rows[Math.Clamp(Value?.SelectedCell.Y ?? 0, 0, _rows.Count - 1)];

    public int SelectedIndex => _rows.Count == 0 ? -1 : Math.Clamp(Value?.SelectedCell.Y ?? 0, 0, _rows.Count - 1);

    /// <summary>Enter (or a double click) on a record.</summary>
    public event EventHandler<T>? RecordChosen;

    /// <summary>The cursor moved to another record (or the rows changed under it).</summary>
    public event EventHandler<T?>? SelectionChanged;

    /// <summary>A column header was clicked (index into the columns).</summary>
    public event EventHandler<int>? HeaderClicked;

    /// <summary>Replaces the rows, keeping the cursor on the same record when it is still there.</summary>
    public void SetRows(IReadOnlyList<T> rows)
    {
        var keep = Selected is { } current ? _key(current) : null;
        _rows = rows;
        Measure();
        Table = Source(rows);
        var index = keep is null ? 0 : Math.Max(0, IndexOf(keep));
        Fit();
        if (rows.Count > 0) SetSelection(0, index, false);
        KeepInView(index);
        SetNeedsDraw();
        SelectionChanged?.Invoke(this, Selected);
    }

    /// <summary>Moves the cursor to the record with this key; false when it is not in the table.</summary>
    public bool Select(string key)
    {
        var index = IndexOf(key);
        if (index < 0) return false;
        SetSelection(0, index, false);
        KeepInView(index);
        return true;
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _rows.Count; i++)
            if (_key(_rows[i]) == key) return i;
        return -1;
    }

    /// <summary>The position shown on the header's rule, e.g. "12 of 340"; empty with no rows.</summary>
    public string Position => _rows.Count == 0 ? "" : $"{SelectedIndex + 1} of {_rows.Count}";

    /// <summary>The columns on screen at the current width (the others gave way), by header.</summary>
    public IReadOnlyList<string> VisibleHeaders =>
        _columns.Where((_, i) => Style.GetOrCreateColumnStyle(i).Visible).Select(c => c.Header).ToList();

    // The widest cell of each column (header included), within the column's limits.
    private void Measure()
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            var column = _columns[i];
            var widest = column.Header.Length;
            foreach (var row in _rows.Take(MaxRowsMeasured))
                widest = Math.Max(widest, column.Text(row).Length);
            _natural[i] = Math.Clamp(widest, 1, Math.Max(1, column.MaxWidth));
        }
        _fittedWidth = -1;
    }

    // Shares the width among the columns; runs again whenever the width or the rows change.
    private void Fit()
    {
        var width = Viewport.Width;
        if (width <= 0 || width == _fittedWidth) return;
        _fittedWidth = width;
        var needs = _columns.Select((c, i) => new ColumnFit.Need(
            _natural[i], Math.Min(_natural[i], Math.Max(c.MinWidth, Math.Min(c.Header.Length, 8))), c.Priority)).ToList();
        var widths = ColumnFit.Widths(needs, width);
        for (var i = 0; i < _columns.Count; i++)
        {
            var style = Style.GetOrCreateColumnStyle(i);
            style.Visible = widths[i] > 0;
            if (widths[i] == 0) continue;
            style.MinWidth = widths[i];
            style.MaxWidth = widths[i];
        }
        ColumnOffset = 0;
        RefreshContentSize();
    }

    // After the rows change (a refresh, a sort), the record under the cursor is on screen.
    private void KeepInView(int index)
    {
        var body = Math.Max(1, Viewport.Height - HeaderRows());
        if (index < RowOffset || index >= RowOffset + body)
            RowOffset = Math.Max(0, Math.Min(index - body / 2, _rows.Count - body));
        EnsureCursorIsVisible();
    }

    private int HeaderRows() => (Style.ShowHorizontalHeaderUnderline ? 2 : 1) + (Style.ShowHorizontalHeaderOverline ? 1 : 0);

    protected override bool OnKeyDown(Key key)
    {
        // Home and End go to the first and last record (a pager's keys), not to the ends of the row.
        if ((key == Key.Home || key == Key.End) && _rows.Count > 0)
        {
            var index = key == Key.Home ? 0 : _rows.Count - 1;
            SetSelection(0, index, false);
            KeepInView(index);
            SetNeedsDraw();
            SelectionChanged?.Invoke(this, Selected);
            return true;
        }
        return base.OnKeyDown(key);
    }

    private EnumerableTableSource<T> Source(IReadOnlyList<T> rows) =>
        new(rows, _columns.ToDictionary(c => c.Header, c => (Func<T, object>)(r => c.Text(r))));

    protected override bool OnDrawingContent(DrawContext? context)
    {
        Fit();
        var handled = base.OnDrawingContent(context);
        if (_rows.Count > 0 && Style.ShowHorizontalHeaderUnderline && Viewport.Width > 12 && Viewport.Height > 2)
        {
            var position = $" {Position} ";
            SetAttribute(GetAttributeForRole(VisualRole.Normal));
            AddStr(Math.Max(0, Viewport.Width - position.Length - 1), 1, position);
        }
        if (_rows.Count == 0 && Viewport.Height > 2 && EmptyText.Length > 0)
        {
            SetAttribute(GetAttributeForRole(VisualRole.Normal));
            AddStr(1, 2, TextWrap.Fit(EmptyText, Math.Max(1, Viewport.Width - 2)));
        }
        return handled;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.IsSingleClicked && mouse.Position is { } at)
        {
            ScreenToCell(at.X, at.Y, out var header);
            if (header is { } column)
            {
                HeaderClicked?.Invoke(this, column);
                return true;
            }
        }
        return base.OnMouseEvent(mouse);
    }
}
