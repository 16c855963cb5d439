using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Testing;

/// <summary>Makes and serves orders as the court's system would, for tests that need one in force.</summary>
public static class OrderScenarios
{
    /// <summary>Creates the order through the API as the demo court service and serves it an hour before "now".</summary>
    public static async Task<Order> ServedAsync(this ServerFactory server, CreateOrderRequest request, Guid servedBy)
    {
        var orders = new Contracts.V1.Orders.OrdersClient(await server.As("demo.service"));
        var order = await orders.CreateOrderAsync(request);
        return await orders.ServeOrderAsync(new ServeOrderRequest
        {
            Id = order.Id, ServedAt = Timestamp.FromDateTimeOffset(server.Clock.GetUtcNow().AddHours(-1)), ServedWhere = "home address",
            ServedByOfficerId = servedBy.ToString(),
        });
    }

    public static async Task<CallInvoker> Officer(this ServerFactory server, string purpose = "sighting-check") => await server.As("demo.officer", purpose);
}
