using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Gateway;

/// <summary>The force's beats (areas), their briefings, and sighting checks.</summary>
public sealed class AreaGateway(ServerConnection connection)
{
    private readonly V1.Areas.AreasClient _areas = new(connection.Invoker);

    /// <summary>Every area matching the query (name, code or district), following the pages to the end.</summary>
    public async Task<IReadOnlyList<AreaRow>> ListAsync(string query, CancellationToken cancellationToken)
    {
        return await connection.AllPagesAsync(Purpose.Briefing,
            (token, o) => _areas.ListAreasAsync(new V1.ListAreasRequest { Query = query.Trim(), PageSize = 500, PageToken = token }, o),
            r => r.Areas.Select(ToRow), r => r.NextPageToken, 10_000, cancellationToken);
    }

    /// <summary>A beat with its boundary, for drawing.</summary>
    public async Task<BeatOutline> OutlineAsync(string code, CancellationToken cancellationToken)
    {
        var area = await connection.CallAsync(Purpose.Briefing, o => _areas.GetAreaAsync(
            new V1.GetAreaRequest { Code = code, IncludeBoundary = true }, o), cancellationToken);
        return ToOutline(area);
    }

    /// <summary>The beat's briefing, with its outline: residents by risk, people excluded from it, zones touching it.</summary>
    public async Task<BeatBriefing> BriefingAsync(string areaCode, CancellationToken cancellationToken)
    {
        var briefing = await connection.CallAsync(Purpose.Briefing, o => _areas.GetBriefingAsync(
            new V1.GetBriefingRequest { AreaCode = areaCode, IncludeBoundary = true }, o), cancellationToken);
        var area = briefing.Area ?? new V1.Area { Code = areaCode };
        return new BeatBriefing(
            ToRow(area),
            area.BoundaryGeojson.Length > 0 ? ToOutline(area) : null,
            briefing.Residents.Select(ToPerson).OrderByDescending(p => p.Risk).ToList(),
            briefing.Excluded.Select(ToPerson).OrderByDescending(p => p.Risk).ToList(),
            briefing.Zones.Select(ToZone).ToList(),
            Wire.Instant(briefing.GeneratedAt));
    }

    /// <summary>The beat's briefing as a file (CSV or GeoJSON): its name and content, as the server made it.</summary>
    public async Task<(string FileName, string Content)> ExportAsync(string areaCode, bool geoJson, CancellationToken cancellationToken)
    {
        var response = await connection.CallAsync(Purpose.Briefing, o => _areas.ExportBriefingAsync(new V1.ExportBriefingRequest
        {
            AreaCode = areaCode, Format = geoJson ? V1.ExportFormat.Geojson : V1.ExportFormat.Csv,
        }, o), cancellationToken);
        return (response.FileName, response.Content);
    }

    /// <summary>Managed people living within <paramref name="radiusMetres"/> of a point, nearest first.</summary>
    public async Task<IReadOnlyList<BriefingPerson>> NearAsync(GeoPosition point, double radiusMetres, Purpose purpose, CancellationToken cancellationToken)
    {
        var response = await connection.CallAsync(purpose, o => _areas.SearchNearAsync(
            new V1.SearchNearRequest { Point = Wire.Point(point), RadiusMetres = radiusMetres, PageSize = 100 }, o), cancellationToken);
        return response.People.Select(ToPerson).ToList();
    }

    /// <summary>Every exclusion zone in force at a point now.</summary>
    public async Task<IReadOnlyList<BriefingZone>> ZonesAtAsync(GeoPosition point, Purpose purpose, CancellationToken cancellationToken)
    {
        var response = await connection.CallAsync(purpose, o => _areas.ZonesAtAsync(
            new V1.ZonesAtRequest { Point = Wire.Point(point) }, o), cancellationToken);
        return response.Zones.Select(ToZone).ToList();
    }

    /// <summary>
    /// Is seeing this person here, now, a breach? "Now" is the server's now (no time is sent),
    /// so a desk machine with a wrong clock cannot change the answer.
    /// </summary>
    public async Task<SightingVerdict> CheckSightingAsync(SightingQuery query, CancellationToken cancellationToken)
    {
        var request = new V1.CheckSightingRequest
        {
            PersonId = query.PersonId, Point = Wire.Point(query.Position), WithDescription = query.WithDescription?.Trim() ?? "",
            Registration = query.Registration?.Trim() ?? "",
        };
        var verdict = await connection.CallAsync(Purpose.SightingCheck, o => _areas.CheckSightingAsync(request, o), cancellationToken);
        return ToVerdict(verdict);
    }

    /// <summary>
    /// Puts a sighting on record; a breach opens a suspected breach and a task for the
    /// responsible officer. <paramref name="seenAt"/> null means now, by the server's clock.
    /// </summary>
    public async Task<SightingRecorded> RecordSightingAsync(SightingReport report, DateTimeOffset? seenAt, string requestId, CancellationToken cancellationToken)
    {
        var request = new V1.RecordSightingRequest
        {
            PersonId = report.PersonId,
            Point = Wire.Point(report.Position),
            At = Wire.Timestamp(seenAt),
            LocationText = report.LocationText?.Trim() ?? "",
            WithDescription = report.WithDescription?.Trim() ?? "",
            Text = report.Text.Trim(),
            RequestId = requestId,
            Registration = report.Registration?.Trim() ?? "",
        };
        var response = await connection.CallAsync(Purpose.SightingCheck, o => _areas.RecordSightingAsync(request, o), cancellationToken);
        return new SightingRecorded(response.SightingId, ToVerdict(response.Verdict ?? new V1.SightingVerdict()),
            response.BreachIds.ToList(), response.TaskIds.ToList());
    }

    /// <summary>A person's recorded sightings, newest first.</summary>
    public async Task<IReadOnlyList<SightingEntry>> SightingsOfAsync(string personId, Purpose purpose, CancellationToken cancellationToken)
    {
        var rows = await connection.AllPagesAsync(purpose,
            (token, o) => _areas.ListSightingsAsync(new V1.ListSightingsRequest { PersonId = personId, PageSize = 200, PageToken = token }, o),
            r => r.Sightings.Select(s => new SightingEntry(
                s.Id, Wire.Instant(s.SeenAt), Wire.Position(s.Point), Wire.Text(s.LocationText), Wire.Text(s.AreaName),
                ToVerdict(s.Verdict), Wire.Text(s.VerdictSummary), Wire.Text(s.ReportedBy), s.BreachIds.Count, Wire.Text(s.Text))),
            r => r.NextPageToken, 2000, cancellationToken);
        return rows.OrderByDescending(s => s.SeenAt).ToList();
    }

    private static AreaRow ToRow(V1.Area a) => new(a.Code, a.Name, a.DistrictName, a.ResidentCount);

    private static BeatOutline ToOutline(V1.Area a) =>
        new(a.Code, a.Name, a.DistrictName, GeoJsonOutline.Rings(a.BoundaryGeojson), Wire.Position(a.Centroid));

    internal static BriefingPerson ToPerson(V1.BriefingPerson p) => new(
        p.PersonId, Wording.Name(p.Name), p.Aliases.Select(Wording.Name).ToList(), Wire.Date(p.DateOfBirth), Wire.Text(p.Description),
        p.WarningMarkers.Select(Wording.Of).Where(w => w.Length > 0).ToList(), PeopleGateway.ToAddress(p.Address),
        RiskWords.FromWire(p.RiskLevel), p.Schemes.ToList(),
        p.Orders.Select(o => new OrderView(o.OrderId, Wording.Of(o.Type), Wording.LongName(o.Type), Wording.Of(o.Status), OrdersGateway.IsLive(o.Status), o.Enforceable,
            null, null, null, Wire.Date(o.EndsOn), null, null, o.Conditions.Select(ConditionWording.ToView).ToList(), 0)).ToList(),
        ToContact(p.ResponsibleOfficer), Wire.Text(p.WhatToDo), p.CustodyStatus == V1.CustodyStatus.InCustody,
        Wire.Date(p.ExpectedReleaseDate), p.LivesHere, p.DistanceMetres > 0 ? p.DistanceMetres : null,
        p.Identification.Select(PeopleGateway.ToIdentifying).ToList()) { PhotoId = Wire.Text(p.PhotoId) };

    private static OfficerContact? ToContact(V1.OfficerContact? c) =>
        c is null || (c.Name.Length == 0 && c.TeamName.Length == 0)
            ? null
            : new OfficerContact(c.Name, Wire.Text(c.CollarNumber), Wire.Text(c.Phone), Wire.Text(c.Email), Wire.Text(c.TeamName), Wire.Text(c.TeamPhone));

    internal static BriefingZone ToZone(V1.BriefingZone z) => new(
        z.ConditionId, z.OrderId, z.PersonId, z.PersonName, Wording.Of(z.OrderType),
        ConditionWording.ToShape(z.Zone ?? new V1.ExclusionZone()), z.InForceNow, z.PersonLivesHere);

    private static SightingVerdict ToVerdict(V1.SightingVerdict v) => new(
        ToVerdict(v.Verdict), v.Summary,
        v.Findings.Select(f => new ConditionFinding(Wording.Of(f.OrderType), Wire.Text(f.ConditionWording), ToVerdict(f.Verdict), Wire.Text(f.Reason))).ToList(),
        Wire.Text(v.PersonName), Wire.Text(v.AreaName), Wire.Text(v.Registration),
        v.People.Select(p => new PersonVerdict(p.PersonId, p.PersonName, ToVerdict(p.Verdict), p.Summary, Wire.Text(p.VehicleLink), p.Identified)).ToList());

    private static Verdict ToVerdict(V1.Verdict verdict) =>
        WireEnums.Verdicts.FromWire(verdict);
}
