using System.Collections.ObjectModel;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

/// <summary>A list to pick one item from with the arrow keys; the highlighted item is the choice.</summary>
public sealed class ChoiceList<T> : ListView
{
    private readonly ObservableCollection<string> _labels = [];
    private readonly List<T> _values = [];

    public ChoiceList(IEnumerable<(string Label, T Value)> choices, int selected = 0)
    {
        SetSource(_labels);
        SetChoices(choices, selected);
    }

    public void SetChoices(IEnumerable<(string Label, T Value)> choices, int selected = 0)
    {
        _labels.Clear();
        _values.Clear();
        foreach (var (label, value) in choices)
        {
            _labels.Add(label);
            _values.Add(value);
        }
        if (_values.Count > 0) Value = Math.Clamp(selected, 0, _values.Count - 1);
        SetNeedsDraw();
    }

    public int Count => _values.Count;

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The highlighted choice (the first until the user moves: ListView starts with none).</summary>
    public T? Chosen => _values.Count == 0 ? default : _values[Math.Clamp(Value ?? 0, 0, _values.Count - 1)];

    public void Choose(int index)
    {
        if (_values.Count > 0) Value = Math.Clamp(index, 0, _values.Count - 1);
    }
}
