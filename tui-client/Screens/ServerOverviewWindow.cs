using System.Collections.ObjectModel;
using OffenderMgmt.Tui.Gateway;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Screens;

/// <summary>
/// The first screen: is the server up, and which areas (beats) does the force have. Type in the
/// filter to narrow the list by name or code.
/// </summary>
public sealed class ServerOverviewWindow : Window
{
    private readonly ServerStatusGateway _status;
    private readonly AreaGateway _areas;
    private readonly ObservableCollection<string> _rows = [];
    private CancellationTokenSource? _loading;

    public ServerOverviewWindow(ServerConnection connection)
    {
        _status = new ServerStatusGateway(connection);
        _areas = new AreaGateway(connection);
        Title = $"OffenderMgmt — {connection.Address}";

        StatusLine = new Label { X = 0, Y = 0, Width = Dim.Fill(), Text = "Connecting…" };
        var filterLabel = new Label { X = 0, Y = 2, Text = "_Filter areas:" };
        Filter = new TextField { X = Pos.Right(filterLabel) + 1, Y = 2, Width = 30 };
        Filter.TextChanged += (_, _) => _ = LoadAreasAsync();
        CountLine = new Label { X = Pos.Right(Filter) + 2, Y = 2, Width = Dim.Fill(), Text = "" };
        Areas = new ListView { X = 0, Y = 4, Width = Dim.Fill(), Height = Dim.Fill(1) };
        Areas.SetSource(_rows);
        var statusBar = new StatusBar([
            new Shortcut(Key.F5, "Refresh", () => _ = RefreshAsync()),
            new Shortcut(Key.Q.WithCtrl, "Quit", () => RequestStop()),
        ]);
        Add(StatusLine, filterLabel, Filter, CountLine, Areas, statusBar);
        Filter.SetFocus();
    }

    public Label StatusLine { get; }
    public TextField Filter { get; }
    public Label CountLine { get; }
    public ListView Areas { get; }

    /// <summary>Checks the server's health and reloads the areas.</summary>
    public async Task RefreshAsync()
    {
        var status = await _status.CheckAsync(CancellationToken.None);
        StatusLine.Text = status.Serving ? $"Server: {status.Text}" : $"Server: not available — {status.Text}";
        await LoadAreasAsync();
    }

    private async Task LoadAreasAsync()
    {
        _loading?.Cancel();
        var loading = _loading = new CancellationTokenSource();
        try
        {
            var areas = await _areas.ListAsync(Filter.Text, loading.Token);
            if (loading.IsCancellationRequested) return;
            _rows.Clear();
            foreach (var area in areas)
                _rows.Add($"{area.Name,-36} {area.Code,-10} {area.District,-22} {area.Residents,5} residents");
            CountLine.Text = $"{areas.Count} area{(areas.Count == 1 ? "" : "s")}";
        }
        catch (GatewayException e)
        {
            // A load superseded by newer typing fails however the server saw the cancellation;
            // only the latest load may speak.
            if (!loading.IsCancellationRequested) CountLine.Text = e.Message;
        }
    }
}
