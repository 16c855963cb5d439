using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

/// <summary>One column of a <see cref="RecordTable{T}"/>: its header, its text and, optionally, its colour.</summary>
public sealed record Column<T>(
    string Header,
    Func<T, string> Text,
    int MinWidth = 0,
    int MaxWidth = 40,
    bool RightAlign = false,
    Func<T, Scheme?>? Colour = null);

/// <summary>
/// A table of records: full-row cursor, Enter raises <see cref="Activated"/> with the record,
/// the cursor stays on the same record when the rows are replaced (a refresh or a re-sort does
/// not throw the user's place away), and an empty table says so in words.
/// </summary>
public sealed class RecordTable<T> : TableView where T : class
{
    private readonly IReadOnlyList<Column<T>> _columns;
    private readonly Func<T, string> _key;
    private IReadOnlyList<T> _rows = [];

    public RecordTable(IReadOnlyList<Column<T>> columns, Func<T, string> key)
    {
        _columns = columns;
        _key = key;
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
            style.MaxWidth = column.MaxWidth;
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
        Table = Source(rows);
        var index = keep is null ? 0 : Math.Max(0, IndexOf(keep));
        if (rows.Count > 0) SetSelection(0, index, false);
        EnsureCursorIsVisible();
        SetNeedsDraw();
        SelectionChanged?.Invoke(this, Selected);
    }

    /// <summary>Moves the cursor to the record with this key; false when it is not in the table.</summary>
    public bool Select(string key)
    {
        var index = IndexOf(key);
        if (index < 0) return false;
        SetSelection(0, index, false);
        EnsureCursorIsVisible();
        return true;
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _rows.Count; i++)
            if (_key(_rows[i]) == key) return i;
        return -1;
    }

    private EnumerableTableSource<T> Source(IReadOnlyList<T> rows) =>
        new(rows, _columns.ToDictionary(c => c.Header, c => (Func<T, object>)(r => c.Text(r))));

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var handled = base.OnDrawingContent(context);
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
