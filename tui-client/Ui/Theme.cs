using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using OffenderMgmt.Tui.Gateway;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// The client's colours. Every role names both foreground and background: Terminal.Gui's own
/// base scheme uses the terminal's default colours, and some of its roles (near-white disabled
/// text, dark grey highlights) then vanish on a light or a dark terminal. With both set, what
/// an officer reads looks the same on any terminal. Only the 16 standard colours are used, so
/// the palette survives terminals and multiplexers that do not pass true colour.
/// </summary>
public static class Theme
{
    // Focus and Active differ on purpose: Terminal.Gui draws the cursor row of a list with
    // Focus while the list has the focus and Active while it does not, so the bright bar says
    // where the keys go and a grey one only where each list's cursor was left.

    /// <summary>Workspaces: white on blue, a bright cyan bar in the focused list, a grey one in the others.</summary>
    public static readonly Scheme Base = new(new Attribute(Color.White, Color.Blue))
    {
        Focus = new Attribute(Color.Black, Color.BrightCyan),
        HotNormal = new Attribute(Color.BrightYellow, Color.Blue),
        HotFocus = new Attribute(Color.Blue, Color.BrightCyan),
        Active = new Attribute(Color.Black, Color.Gray),
        HotActive = new Attribute(Color.Blue, Color.Gray),
        Highlight = new Attribute(Color.BrightYellow, Color.Blue),
        Editable = new Attribute(Color.Black, Color.Gray),
        ReadOnly = new Attribute(Color.White, Color.Blue),
        Disabled = new Attribute(Color.Gray, Color.Blue),
    };

    /// <summary>Dialogs: black on light grey, so they stand out from the workspace behind; blue bar where the keys go, white where they do not.</summary>
    public static readonly Scheme Dialog = new(new Attribute(Color.Black, Color.Gray))
    {
        Focus = new Attribute(Color.White, Color.Blue),
        HotNormal = new Attribute(Color.Blue, Color.Gray),
        HotFocus = new Attribute(Color.BrightYellow, Color.Blue),
        Active = new Attribute(Color.Blue, Color.White),
        HotActive = new Attribute(Color.Red, Color.White),
        Highlight = new Attribute(Color.Blue, Color.Gray),
        Editable = new Attribute(Color.Black, Color.White),
        ReadOnly = new Attribute(Color.Black, Color.Gray),
        Disabled = new Attribute(Color.DarkGray, Color.Gray),
    };

    /// <summary>Menu and status bars.</summary>
    public static readonly Scheme Bars = new(new Attribute(Color.Black, Color.Cyan))
    {
        Focus = new Attribute(Color.White, Color.Blue),
        HotNormal = new Attribute(Color.Blue, Color.Cyan),
        HotFocus = new Attribute(Color.BrightYellow, Color.Blue),
        Active = new Attribute(Color.White, Color.Blue),
        HotActive = new Attribute(Color.BrightYellow, Color.Blue),
        Highlight = new Attribute(Color.Blue, Color.Cyan),
        Editable = new Attribute(Color.Black, Color.White),
        ReadOnly = new Attribute(Color.Black, Color.Cyan),
        Disabled = new Attribute(Color.DarkGray, Color.Cyan),
    };

    public static readonly Attribute ErrorText = new(Color.White, Color.Red);
    public static readonly Attribute WarningText = new(Color.Black, Color.BrightYellow);
    public static readonly Attribute GoodText = new(Color.Black, Color.BrightGreen);
    public static readonly Attribute InfoText = new(Color.White, Color.Blue);
    public static readonly Attribute BusyText = new(Color.Black, Color.BrightCyan);

    public static Scheme Line(Attribute attribute) => new(attribute) { Focus = attribute, Active = attribute, HotNormal = attribute };

    /// <summary>Cells for a risk level: the two highest stand out whatever the row colour.</summary>
    public static Scheme? ForRisk(Risk risk) => risk switch
    {
        Risk.VeryHigh => RiskVeryHigh,
        Risk.High => RiskHigh,
        _ => null,
    };

    private static readonly Scheme RiskVeryHigh = Cell(new Attribute(Color.White, Color.Red));
    private static readonly Scheme RiskHigh = Cell(new Attribute(Color.Black, Color.BrightYellow));

    /// <summary>A warning cell (overdue checks, open breaches).</summary>
    public static readonly Scheme WarningCell = Cell(WarningText);

    public static readonly Scheme ErrorCell = Cell(ErrorText);

    public static readonly Scheme GoodCell = Cell(GoodText);

    /// <summary>A table cell that stands out, except on the cursor row, which stays one bar across.</summary>
    private static Scheme Cell(Attribute attribute) => new(attribute)
    {
        Focus = Base.Focus, Active = Base.Active, HotNormal = attribute, HotFocus = Base.HotFocus, Highlight = attribute,
    };

    public static void Apply(View view, Scheme scheme) => view.SetScheme(scheme);
}
