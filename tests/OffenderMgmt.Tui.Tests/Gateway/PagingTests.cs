using Grpc.Core;
using Grpc.Net.Client;
using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.Tests.Gateway;

/// <summary>Lists are read page by page, each page asked for with the last one's token.</summary>
public sealed class PagingTests
{
    private static AsyncUnaryCall<(int[] Rows, string Next)> Answer((int[] Rows, string Next) page) =>
        new(Task.FromResult(page), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });

    private static readonly Dictionary<string, (int[] Rows, string Next)> Pages = new()
    {
        [""] = ([1, 2], "b"),
        ["b"] = ([3, 4], "c"),
        ["c"] = ([5], ""),
    };

    [Fact]
    public async Task Every_page_is_followed_to_the_end_in_order()
    {
        using var channel = GrpcChannel.ForAddress("http://localhost:1");
        using var connection = new ServerConnection(channel, new Uri("http://localhost:1"));
        var asked = new List<string>();

        var rows = await connection.AllPagesAsync(null, (token, _) => { asked.Add(token); return Answer(Pages[token]); },
            p => p.Rows, p => p.Next, max: 100, CancellationToken.None);

        Assert.Equal([1, 2, 3, 4, 5], rows);
        Assert.Equal(["", "b", "c"], asked);
    }

    [Fact]
    public async Task Reading_stops_once_the_limit_is_reached()
    {
        using var channel = GrpcChannel.ForAddress("http://localhost:1");
        using var connection = new ServerConnection(channel, new Uri("http://localhost:1"));

        var rows = await connection.AllPagesAsync(null, (token, _) => Answer(Pages[token]), p => p.Rows, p => p.Next, max: 3, CancellationToken.None);

        Assert.Equal([1, 2, 3, 4], rows);
    }
}
