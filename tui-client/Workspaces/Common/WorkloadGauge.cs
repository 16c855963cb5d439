using System.Globalization;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace OffenderMgmt.Tui.Workspaces.Common;

/// <summary>
/// One line: the officer's workload as a bar against capacity (the mark is 100%), coloured by
/// how it reads (green fine, yellow near, red over or excessive), then the figures in words.
/// </summary>
public sealed class WorkloadGauge : View
{
    private const int MinBarWidth = 8;
    private const int BarWidth = 30;
    private OfficerWorkload? _workload;
    private string _message = "Workload: loading…";

    public WorkloadGauge()
    {
        Height = 1;
        Width = Dim.Fill();
    }

    public OfficerWorkload? Workload
    {
        get => _workload;
        set
        {
            _workload = value;
            SetNeedsDraw();
        }
    }

    /// <summary>Shown instead of the gauge when the workload could not be loaded.</summary>
    public void ShowMessage(string message)
    {
        _workload = null;
        _message = message;
        SetNeedsDraw();
    }

    /// <summary>The figures in words, as drawn after the bar.</summary>
    public string Summary => _workload is { } w ? Describe(w) : _message;

    public static string Describe(OfficerWorkload w)
    {
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{w.UtilisationPercent:0}% of capacity · {w.Points:0.#} of {w.CapacityPoints:0.#} points ({w.ContractedHours:0.#} h/week) · {w.Cases} cases, {w.Orders} orders");
        var warning = w.Excessive
            ? string.Create(CultureInfo.InvariantCulture, $" · EXCESSIVE: over {w.ThresholdPercent:0}% for {w.ConsecutiveWeeksOverThreshold} weeks")
            : w.UtilisationPercent > w.ThresholdPercent
                ? string.Create(CultureInfo.InvariantCulture, $" · over {w.ThresholdPercent:0}% for {Words.Count(w.ConsecutiveWeeksOverThreshold, "week")}")
                : "";
        return figures + warning;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        SetAttribute(normal);
        Move(0, 0);
        AddStr(new string(' ', Viewport.Width));
        if (_workload is not { } w)
        {
            AddStr(0, 0, TextWrap.Fit(_message, Viewport.Width));
            return true;
        }
        AddStr(0, 0, "Workload ");
        var level = UtilisationBar.Level(w.UtilisationPercent, w.ThresholdPercent, w.Excessive);
        SetAttribute(new Attribute(level switch
        {
            LoadLevel.Fine => Color.BrightGreen,
            LoadLevel.Near => Color.BrightYellow,
            _ => Color.BrightRed,
        }, Color.Black));
        // The figures are the point: at a narrow width the bar shortens (to 8 cells at least) before they are cut (issue 20).
        var figures = Describe(w);
        var bar = Math.Clamp(Viewport.Width - 10 - figures.Length, MinBarWidth, BarWidth);
        AddStr(9, 0, UtilisationBar.Render(w.UtilisationPercent, bar));
        SetAttribute(level >= LoadLevel.Over ? Theme.WarningText : normal);
        AddStr(9 + bar + 1, 0, TextWrap.Fit(figures, Math.Max(0, Viewport.Width - bar - 10)));
        return true;
    }
}
