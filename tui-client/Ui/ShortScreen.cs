using Terminal.Gui.App;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// Forms on a short terminal (100x30): below 36 rows a tall form drops the blank line between its
/// fields and shows fewer list rows, so its title, fields, answer and buttons all stay on screen.
/// </summary>
public static class ShortScreen
{
    public const int Rows = 36;

    public static bool Is(IApplication app) => app.Screen.Height is > 0 and < Rows;

    /// <summary>The blank rows between fields: 1, or 0 on a short terminal.</summary>
    public static int Gap(IApplication app) => Is(app) ? 0 : 1;

    /// <summary>The rows a list shows: <paramref name="tall"/>, or <paramref name="onShort"/> on a short terminal.</summary>
    public static int ListRows(IApplication app, int tall, int onShort) => Is(app) ? onShort : tall;
}
