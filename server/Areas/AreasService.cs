using System.Text.Json;
using Grpc.Core;
using NetTopologySuite.IO.Converters;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Areas;

/// <summary>gRPC Areas service: the force's beats and what a local officer needs to know about them.</summary>
public sealed class AreasService(
    AreaDirectory directory, BeatBriefings briefings, NearbySearch nearby, SightingDesk sightings, AreaIndexHolder areas,
    DisclosurePolicy disclosure, Caller caller, CallAudit audit, ForceClock clock) : V1.Areas.AreasBase
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

    public override async Task<V1.Briefing> GetBriefing(V1.GetBriefingRequest request, ServerCallContext context)
    {
        var briefing = await BriefingAsync(request.AreaCode, context.CancellationToken);
        return BriefingMessages.Briefing(briefing, areas.Current, request.IncludeBoundary, clock.Today);
    }

    public override async Task<V1.ExportBriefingResponse> ExportBriefing(V1.ExportBriefingRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var format = v.Enum("format", request.Format);
        v.ThrowIfInvalid();
        var briefing = await BriefingAsync(request.AreaCode, context.CancellationToken);
        audit.Was(AuditAction.Disclose);  // a file leaves the system
        var stamp = clock.ToLocal(briefing.GeneratedAt).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        if (format == V1.ExportFormat.Csv)
            return new V1.ExportBriefingResponse { FileName = $"briefing-{briefing.Area.Code}-{stamp}.csv", ContentType = "text/csv", Content = BriefingExport.Csv(briefing) };
        return new V1.ExportBriefingResponse { FileName = $"briefing-{briefing.Area.Code}-{stamp}.geojson", ContentType = "application/geo+json", Content = BriefingExport.GeoJsonOf(briefing) };
    }

    public override async Task<V1.SearchNearResponse> SearchNear(V1.SearchNearRequest request, ServerCallContext context)
    {
        EnsureBriefingPurpose();
        var people = await nearby.NearAsync(request.Point?.Latitude, request.Point?.Longitude, request.RadiusMetres, request.PageSize, context.CancellationToken);
        audit.Touched(people.Select(p => p.Person.Id));
        var response = new V1.SearchNearResponse();
        response.People.AddRange(people.Select(p => BriefingMessages.Person(p, areas.Current, clock.Today)));
        return response;
    }

    public override async Task<V1.ZonesAtResponse> ZonesAt(V1.ZonesAtRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var at = v.Instant("at", request.At, TimeBounds.Planned, clock);
        v.ThrowIfInvalid();
        var hits = await sightings.ZonesAtAsync(request.Point?.Latitude, request.Point?.Longitude, at, context.CancellationToken);
        audit.Touched(hits.Select(h => h.Zone.PersonId));
        var response = new V1.ZonesAtResponse();
        response.Zones.AddRange(hits.Select(h => BriefingMessages.Zone(h.Zone, h.PersonName, h.BindsNow, livesHere: false)));
        return response;
    }

    public override async Task<V1.SightingVerdict> CheckSighting(V1.CheckSightingRequest request, ServerCallContext context)
    {
        if (request.Registration.Length > 0)
        {
            var (subject, company, when) = ReadSubject(request.PersonId, request.WithPersonIds, request.At, TimeBounds.Planned, personRequired: false);
            EnsureBriefingPurpose();
            var vehicle = await sightings.CheckVehicleAsync(subject.OrNull(), request.Registration, request.Point?.Latitude, request.Point?.Longitude, when, company, request.WithDescription, context.CancellationToken);
            audit.Touched(vehicle.People.Select(p => p.Check.Person.Id));
            return VehicleSightingMessages.Verdict(vehicle);
        }
        var (person, with, at) = ReadSubject(request.PersonId, request.WithPersonIds, request.At, TimeBounds.Planned);
        audit.Touched(person);
        EnsureBriefingPurpose();
        var check = await sightings.CheckAsync(person, request.Point?.Latitude, request.Point?.Longitude, at, with, request.WithDescription, context.CancellationToken);
        return BriefingMessages.Verdict(check);
    }

    public override async Task<V1.RecordSightingResponse> RecordSighting(V1.RecordSightingRequest request, ServerCallContext context)
    {
        if (request.Registration.Length > 0) return await RecordVehicleSighting(request, context);
        var (person, with, at) = ReadSubject(request.PersonId, request.WithPersonIds, request.At, TimeBounds.Happened);
        audit.Touched(person);
        var recorded = await sightings.RecordAsync(person, request.Point?.Latitude, request.Point?.Longitude, at,
            request.LocationText, with, request.WithDescription, request.Text, context.CancellationToken);
        audit.Touched(recorded.Sighting.Id);
        audit.Touched(recorded.Breaches.Select(b => b.Id));
        var response = new V1.RecordSightingResponse { SightingId = recorded.Sighting.Id.ToString(), Verdict = BriefingMessages.Verdict(recorded.Check) };
        response.BreachIds.AddRange(recorded.Breaches.Select(b => b.Id.ToString()));
        response.TaskIds.AddRange(await sightings.TaskIdsAsync(recorded.Breaches.Select(b => b.Id).ToList(), context.CancellationToken));
        response.SightingIds.Add(response.SightingId);
        return response;
    }

    /// <summary>Issue 18: a vehicle seen; one sighting per person checked.</summary>
    private async Task<V1.RecordSightingResponse> RecordVehicleSighting(V1.RecordSightingRequest request, ServerCallContext context)
    {
        var (subject, with, at) = ReadSubject(request.PersonId, request.WithPersonIds, request.At, TimeBounds.Happened, personRequired: false);
        var recorded = await sightings.RecordVehicleAsync(subject.OrNull(), request.Registration, request.Point?.Latitude, request.Point?.Longitude, at,
            request.LocationText, with, request.WithDescription, request.Text, context.CancellationToken);
        audit.Touched(recorded.Check.People.Select(p => p.Check.Person.Id));
        audit.Touched(recorded.Sightings.Select(s => s.Id));
        audit.Touched(recorded.Breaches.Select(b => b.Id));
        var response = new V1.RecordSightingResponse { SightingId = recorded.Sightings[0].Id.ToString(), Verdict = VehicleSightingMessages.Verdict(recorded.Check) };
        response.SightingIds.AddRange(recorded.Sightings.Select(s => s.Id.ToString()));
        response.BreachIds.AddRange(recorded.Breaches.Select(b => b.Id.ToString()));
        response.TaskIds.AddRange(await sightings.TaskIdsAsync(recorded.Breaches.Select(b => b.Id).ToList(), context.CancellationToken));
        return response;
    }

    public override async Task<V1.ListSightingsResponse> ListSightings(V1.ListSightingsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var person = v.Id("person_id", request.PersonId);
        v.ThrowIfInvalid();
        audit.Touched(person);
        var level = await disclosure.ForPersonAsync(person, context.CancellationToken);
        var (list, next) = await sightings.ListAsync(person, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new V1.ListSightingsResponse { NextPageToken = next };
        response.Sightings.AddRange(list.Select(s =>
        {
            var message = new V1.Sighting
            {
                Id = s.Id.ToString(), PersonId = s.PersonId.ToString(), SeenAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(s.SeenAt),
                Point = new V1.GeoPoint { Latitude = s.Latitude, Longitude = s.Longitude }, LocationText = s.Location, AreaCode = s.AreaCode ?? "",
                AreaName = s.AreaCode is { } code ? areas.Current.Find(code)?.Name ?? "" : "", Verdict = VerdictEnums.Stored.ToProto(s.Verdict),
                VerdictSummary = s.VerdictReasons, ReportedBy = s.ReportedBy,
                Registration = s.Registration is { } r ? Identification.RegistrationMark.Display(r) : "",
            };
            if (s.BreachId is { } breach) message.BreachIds.Add(breach.ToString());
            if (level.Allows(RestrictedField.Intelligence)) message.Text = s.Text;
            return message;
        }));
        return response;
    }

    private async Task<Briefing> BriefingAsync(string areaCode, CancellationToken cancellationToken)
    {
        EnsureBriefingPurpose();
        var briefing = await briefings.GetAsync(areaCode, cancellationToken);
        audit.Touched(briefing.Area.Code);
        audit.Touched(briefing.Residents.Concat(briefing.Excluded).Select(p => p.Person.Id));
        return briefing;
    }

    /// <summary>Briefing-level lookups are for briefings and sighting checks (or a stated reason).</summary>
    private void EnsureBriefingPurpose()
    {
        if (caller.Purpose.Kind is not (PurposeKind.Briefing or PurposeKind.SightingCheck or PurposeKind.Reason or PurposeKind.CaseManagement or PurposeKind.Supervision))
            throw new AccessDeniedException("Briefings and sighting checks need x-access-purpose: briefing or sighting-check (or a reason).");
    }

    private (Guid Person, IReadOnlyList<Guid> With, DateTimeOffset? At) ReadSubject(
        string personId, IList<string> withIds, Google.Protobuf.WellKnownTypes.Timestamp? at, TimeBounds bounds, bool personRequired = true)
    {
        var v = new Validator();
        var person = v.Id("person_id", personId, required: personRequired);
        var with = v.Each("with_person_ids", withIds, RequestLimits.WithPersonIds, (field, w) => v.Id(field, w));
        var when = v.Instant("at", at, bounds, clock);
        v.ThrowIfInvalid();
        return (person, with, when);
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
        if (includeBoundary) message.BoundaryGeojson = BoundaryGeoJson.GetValue(area, a => JsonSerializer.Serialize(Geo.FromWkb(a.BoundaryWkb), GeoJsonOptions));
        return message;
    }

    /// <summary>
    /// Each area row's boundary as GeoJSON, made once per row: GetArea and GetBriefing answer
    /// from the area index's rows, which are shared and never changed (see <see cref="AreaShape.Stored"/>);
    /// an entry goes with its row when a re-import replaces the index.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Area, string> BoundaryGeoJson = new();

    private static JsonSerializerOptions CreateGeoJsonOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Geo.Factory));
        return options;
    }
}
