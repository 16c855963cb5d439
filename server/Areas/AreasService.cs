using System.Text.Json;
using Grpc.Core;
using NetTopologySuite.IO.Converters;
using OffenderMgmt.Server.Geography;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Areas;

/// <summary>gRPC Areas service: the force's beats and their boundaries.</summary>
public sealed class AreasService(AreaDirectory directory) : V1.Areas.AreasBase
{
    private static readonly JsonSerializerOptions GeoJsonOptions = CreateGeoJsonOptions();

    public override async Task<V1.ListAreasResponse> ListAreas(V1.ListAreasRequest request, ServerCallContext context)
    {
        var page = await directory.ListAsync(request.Query, request.DistrictCode, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new V1.ListAreasResponse { NextPageToken = page.NextPageToken };
        response.Areas.AddRange(page.Areas.Select(a => ToMessage(a, includeBoundary: false)));
        return response;
    }

    public override async Task<V1.Area> GetArea(V1.GetAreaRequest request, ServerCallContext context)
    {
        var listing = await directory.GetAsync(request.Code, context.CancellationToken);
        return ToMessage(listing, request.IncludeBoundary);
    }

    public static V1.Area ToMessage(AreaListing listing, bool includeBoundary)
    {
        var area = listing.Area;
        var message = new V1.Area
        {
            Code = area.Code,
            Name = area.Name,
            DistrictCode = area.DistrictCode,
            DistrictName = area.DistrictName,
            Centroid = new V1.GeoPoint { Latitude = area.CentroidLatitude, Longitude = area.CentroidLongitude },
            SouthWest = new V1.GeoPoint { Latitude = area.MinLatitude, Longitude = area.MinLongitude },
            NorthEast = new V1.GeoPoint { Latitude = area.MaxLatitude, Longitude = area.MaxLongitude },
            ResidentCount = listing.ResidentCount,
        };
        if (includeBoundary)
            message.BoundaryGeojson = JsonSerializer.Serialize(Geo.FromWkb(area.BoundaryWkb), GeoJsonOptions);
        return message;
    }

    private static JsonSerializerOptions CreateGeoJsonOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Geo.Factory));
        return options;
    }
}
