using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Integration;

public sealed class AreasApiTests : IClassFixture<ServerFactory>, IAsyncLifetime
{
    private readonly ServerFactory _server;
    private Areas.AreasClient _areas = null!;

    public AreasApiTests(ServerFactory server) => _server = server;

    public async Task InitializeAsync()
    {
        if (!await _server.WithDb(db => db.Areas.AnyAsync()))
        {
            await _server.ImportBedfordshireAsync();
            await _server.CreateAccountAsync("areas.officer", Server.Security.Role.LocalOfficer);
        }
        _areas = new Areas.AreasClient(await _server.As("areas.officer", purpose: ""));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Listing_pages_through_all_77_wards_in_name_order()
    {
        var names = new List<string>();
        var token = "";
        do
        {
            var page = await _areas.ListAreasAsync(new ListAreasRequest { PageSize = 20, PageToken = token });
            names.AddRange(page.Areas.Select(a => a.Name));
            token = page.NextPageToken;
        } while (token != "");
        Assert.Equal(77, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task Areas_can_be_found_by_part_of_their_name_or_by_district()
    {
        var dunstable = await _areas.ListAreasAsync(new ListAreasRequest { Query = "dunSTABLE" });
        Assert.Equal(5, dunstable.Areas.Count);
        var luton = await _areas.ListAreasAsync(new ListAreasRequest { DistrictCode = "E06000032", PageSize = 100 });
        Assert.Equal(19, luton.Areas.Count);
        Assert.All(luton.Areas, a => Assert.Equal("Luton", a.DistrictName));
    }

    [Fact]
    public async Task An_area_comes_with_its_boundary_as_geojson_when_asked()
    {
        var code = Bedfordshire.Ward("High Town").Code;
        var area = await _areas.GetAreaAsync(new GetAreaRequest { Code = code, IncludeBoundary = true });
        Assert.Equal("High Town", area.Name);
        Assert.Contains("\"Polygon\"", area.BoundaryGeojson);
        Assert.InRange(area.Centroid.Latitude, area.SouthWest.Latitude, area.NorthEast.Latitude);
        var plain = await _areas.GetAreaAsync(new GetAreaRequest { Code = code });
        Assert.Equal("", plain.BoundaryGeojson);
    }

    [Fact]
    public async Task An_unknown_area_is_not_found_and_an_overlong_code_is_invalid()
    {
        await RpcAssert.Fails(StatusCode.NotFound, () => _areas.GetAreaAsync(new GetAreaRequest { Code = "E05999999" }).ResponseAsync);
        await RpcAssert.FailsOnField("code", () => _areas.GetAreaAsync(new GetAreaRequest { Code = new string('E', 100) }).ResponseAsync);
        await RpcAssert.FailsOnField("code", () => _areas.GetAreaAsync(new GetAreaRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Health_reports_serving()
    {
        var health = new Health.HealthClient(_server.Channel());
        var response = await health.CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_lists_the_offendermgmt_services()
    {
        var reflection = new ServerReflection.ServerReflectionClient(_server.Channel());
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("offendermgmt.v1.People", services);
        Assert.Contains("offendermgmt.v1.Areas", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
