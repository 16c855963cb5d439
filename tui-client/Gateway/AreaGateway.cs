using OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>The force's areas (beats), as rows for the screens.</summary>
public sealed class AreaGateway(ServerConnection connection)
{
    private readonly Areas.AreasClient _areas = new(connection.Invoker);

    /// <summary>Every area matching the query (name or code), following the pages to the end.</summary>
    public async Task<IReadOnlyList<AreaRow>> ListAsync(string query, CancellationToken cancellationToken)
    {
        var rows = new List<AreaRow>();
        var token = "";
        do
        {
            var page = await GatewayException.Wrap(async () => await _areas.ListAreasAsync(
                new ListAreasRequest { Query = query, PageSize = 500, PageToken = token },
                ServerConnection.For(Purpose.Briefing, cancellationToken)));
            rows.AddRange(page.Areas.Select(a => new AreaRow(a.Code, a.Name, a.DistrictName, a.ResidentCount)));
            token = page.NextPageToken;
        } while (token.Length > 0);
        return rows;
    }
}

public sealed record AreaRow(string Code, string Name, string District, int Residents);
