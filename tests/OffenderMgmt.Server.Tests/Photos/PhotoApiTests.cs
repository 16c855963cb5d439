using static OffenderMgmt.Server.Audit.AuditLog;
using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Photos;

/// <summary>People/AddPhoto, GetPhoto, ListPhotos, RetirePhoto on the demo force (issue 18), and the photo in the briefing.</summary>
public sealed class PhotoApiTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private const string Today = "2026-11-26";

    private async Task<People.PeopleClient> PeopleAs(string user, string purpose = "case-management") => new(await server.As(user, purpose));

    private static AddPhotoRequest Add(Guid person, byte[] image, PhotoKind kind = PhotoKind.CustodyFront, string takenOn = Today) => new()
    {
        PersonId = person.ToString(), Image = ByteString.CopyFrom(image), Kind = kind, TakenOn = takenOn,
    };

    private Task<int> PhotoCount() => server.WithDb(db => db.PersonPhotos.CountAsync());

    [Fact]
    public async Task A_photo_added_to_a_case_becomes_the_current_photo_and_reads_back_by_its_sha256()
    {
        var person = await server.CaseOf("demo.manager");
        var people = await PeopleAs("demo.manager");

        var added = await people.AddPhotoAsync(Add(person, TestImages.Jpeg(120, 150)));
        var full = await people.GetPhotoAsync(new GetPhotoRequest { Id = added.Id });
        var thumbnail = await people.GetPhotoAsync(new GetPhotoRequest { Id = added.Id, Size = PhotoSize.Thumbnail });
        var list = await people.ListPhotosAsync(new ListPhotosRequest { PersonId = person.ToString() });

        Assert.True(added.Current);
        Assert.Equal(("image/jpeg", 120, 150, 1L, "demo.manager"), (added.ContentType, added.Width, added.Height, added.Version, added.AddedBy));
        Assert.Equal(added.Sha256, Convert.ToHexStringLower(SHA256.HashData(full.Image.Span)));
        Assert.Equal(added.ByteCount, full.Image.Length);
        Assert.Equal((64, 80), (thumbnail.Width, thumbnail.Height));
        Assert.True(thumbnail.Image.Length < full.Image.Length);
        Assert.Equal(added.Id, Assert.Single(list.Photos, p => p.Current).Id);
        Assert.Contains(list.Photos, p => p.Id != added.Id);  // the demo's portrait, no longer current
    }

    [Fact]
    public async Task A_profile_photo_is_kept_but_does_not_become_the_current_photo()
    {
        var person = await server.CaseOf("demo.manager", skip: 1);
        var people = await PeopleAs("demo.manager");

        var profile = await people.AddPhotoAsync(Add(person, TestImages.Png(), PhotoKind.Profile));

        Assert.False(profile.Current);
        Assert.Equal("image/png", profile.ContentType);
    }

    [Fact]
    public async Task The_briefing_entry_carries_the_current_photo_and_a_retired_photo_leaves_it()
    {
        var person = await server.CaseOf("demo.manager", skip: 2);
        var manager = await PeopleAs("demo.manager");
        var area = (await manager.GetPersonAsync(new GetPersonRequest { Id = person.ToString() })).Address.AreaCode;
        var areas = new Areas.AreasClient(await server.As("demo.officer", "briefing"));
        async Task<string> PhotoInBriefing() =>
            (await areas.GetBriefingAsync(new GetBriefingRequest { AreaCode = area })).Residents.Single(r => r.PersonId == person.ToString()).PhotoId;
        var before = await PhotoInBriefing();

        var added = await manager.AddPhotoAsync(Add(person, TestImages.Jpeg()));
        var withNew = await PhotoInBriefing();
        var retired = await manager.RetirePhotoAsync(new RetirePhotoRequest { Id = added.Id, ExpectedVersion = added.Version });
        var afterRetiring = await PhotoInBriefing();

        Assert.Equal(added.Id, withNew);
        Assert.True(retired.Retired);
        Assert.Equal(2, retired.Version);
        Assert.Equal(before, afterRetiring);
        Assert.NotEqual(added.Id, afterRetiring);
    }

    [Fact]
    public async Task Retiring_from_a_stale_version_is_aborted_and_retiring_twice_is_refused_by_rule()
    {
        var person = await server.CaseOf("demo.manager", skip: 3);
        var people = await PeopleAs("demo.manager");
        var added = await people.AddPhotoAsync(Add(person, TestImages.Jpeg()));
        var retired = await people.RetirePhotoAsync(new RetirePhotoRequest { Id = added.Id, ExpectedVersion = 1 });

        await RpcAssert.FailsWith(StatusCode.Aborted, "STALE_VERSION",
            () => people.RetirePhotoAsync(new RetirePhotoRequest { Id = added.Id, ExpectedVersion = 1 }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, "RULE_VIOLATED",
            () => people.RetirePhotoAsync(new RetirePhotoRequest { Id = added.Id, ExpectedVersion = retired.Version }).ResponseAsync);
        var listed = await people.ListPhotosAsync(new ListPhotosRequest { PersonId = person.ToString(), IncludeRetired = true });
        Assert.True(listed.Photos.Single(p => p.Id == added.Id).Retired);
        var unretired = await people.ListPhotosAsync(new ListPhotosRequest { PersonId = person.ToString() });
        Assert.DoesNotContain(unretired.Photos, p => p.Id == added.Id);
    }

    [Fact]
    public async Task A_50_mb_image_is_refused_by_the_message_limit_with_a_status_and_nothing_is_stored()
    {
        var people = await PeopleAs("demo.manager");
        var person = await server.CaseOf("demo.manager");
        var before = await PhotoCount();

        var error = await RpcAssert.Fails(StatusCode.ResourceExhausted,
            () => people.AddPhotoAsync(Add(person, new byte[50 * 1024 * 1024])).ResponseAsync);

        Assert.Contains("exceeds the maximum", error.Status.Detail);
        Assert.Equal(before, await PhotoCount());
    }

    [Fact]
    public async Task An_image_over_photos_max_bytes_is_refused_as_image_not_accepted_and_nothing_is_stored()
    {
        var people = await PeopleAs("demo.manager");
        var person = await server.CaseOf("demo.manager");
        var before = await PhotoCount();
        var tooBig = TestImages.Jpeg().Concat(new byte[3 * 1024 * 1024]).ToArray();

        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "IMAGE_NOT_ACCEPTED", () => people.AddPhotoAsync(Add(person, tooBig)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, "IMAGE_NOT_ACCEPTED",
            () => people.AddPhotoAsync(Add(person, TestImages.PngDeclaring(50_000, 50_000))).ResponseAsync);

        Assert.Equal(before, await PhotoCount());
    }

    [Fact]
    public async Task Bad_fields_are_named_and_nothing_is_stored()
    {
        var people = await PeopleAs("demo.manager");
        var person = await server.CaseOf("demo.manager");
        var before = await PhotoCount();

        Assert.Equal("kind", (await RpcAssert.FailsOnField("kind", () => people.AddPhotoAsync(Add(person, TestImages.Jpeg(), PhotoKind.Unspecified)).ResponseAsync)).Field);
        await RpcAssert.FailsOnField("taken_on", () => people.AddPhotoAsync(Add(person, TestImages.Jpeg(), takenOn: "2027-01-01")).ResponseAsync);
        await RpcAssert.FailsOnField("image", () => people.AddPhotoAsync(Add(person, [])).ResponseAsync);
        await RpcAssert.FailsOnField("size", () => people.GetPhotoAsync(new GetPhotoRequest { Id = Guid.NewGuid().ToString(), Size = (PhotoSize)9 }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, "NOT_FOUND", () => people.GetPhotoAsync(new GetPhotoRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, "NOT_FOUND", () => people.AddPhotoAsync(Add(Guid.NewGuid(), TestImages.Jpeg())).ResponseAsync);

        Assert.Equal(before, await PhotoCount());
    }

    [Fact]
    public async Task An_offender_manager_needs_a_reason_to_add_a_photo_to_someone_elses_case()
    {
        var mine = await server.OfficerOfAccount("demo.manager");
        var notMine = await server.WithDb(db => db.Managements
            .Where(m => m.ResponsibleOfficerId != null && m.ResponsibleOfficerId != mine && m.Status == Server.Caseload.ManagementStatus.Active)
            .Where(m => !db.Managements.Any(o => o.PersonId == m.PersonId && o.ResponsibleOfficerId == mine) && !db.Orders.Any(o => o.PersonId == m.PersonId && o.LeadOfficerId == mine))
            .OrderBy(m => m.PersonId).Select(m => m.PersonId).FirstAsync());
        var people = await PeopleAs("demo.manager");

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "REASON_REQUIRED", () => people.AddPhotoAsync(Add(notMine, TestImages.Jpeg())).ResponseAsync);
    }

    [Fact]
    public async Task A_local_officer_sees_the_photo_of_someone_in_a_briefing_and_the_read_is_audited()
    {
        var person = await server.CaseOf("demo.manager", skip: 4);
        var photo = (await (await PeopleAs("demo.manager")).ListPhotosAsync(new ListPhotosRequest { PersonId = person.ToString() })).Photos.First(p => p.Current);
        var officer = await PeopleAs("demo.officer", "briefing");

        var image = await officer.GetPhotoAsync(new GetPhotoRequest { Id = photo.Id, Size = PhotoSize.Thumbnail });

        Assert.Equal(photo.Id, image.Photo.Id);
        var audited = await server.WithDb(db => db.AuditEntries
            .Where(e => e.Subject == "demo.officer" && e.Rpc.EndsWith("GetPhoto") && e.Purpose == "briefing")
            .Touching(db, photo.Id).Touching(db, person.ToString())
            .CountAsync());
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task A_local_officer_is_refused_the_photo_of_someone_in_no_briefing_and_the_refusal_is_audited()
    {
        // A person a court system recorded, not managed and under no order: in no beat's briefing.
        var service = await PeopleAs("demo.service");
        var created = await service.CreatePersonAsync(new CreatePersonRequest
        {
            Person = new PersonInput { Name = new PersonName { GivenName = "Unbriefed", FamilyName = "Photoperson" }, DateOfBirth = "1990-01-01" },
        });
        var photo = await service.AddPhotoAsync(Add(Guid.Parse(created.Id), TestImages.Jpeg()));
        var officer = await PeopleAs("demo.officer", "briefing");

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "NOT_YOUR_CASE", () => officer.GetPhotoAsync(new GetPhotoRequest { Id = photo.Id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "NOT_YOUR_CASE", () => officer.ListPhotosAsync(new ListPhotosRequest { PersonId = created.Id }).ResponseAsync);
        Assert.True(await server.WithDb(db => db.AuditEntries.Touching(db, photo.Id).AnyAsync(e =>
            e.Subject == "demo.officer" && e.Rpc.EndsWith("GetPhoto") && e.Outcome.StartsWith("PermissionDenied"))));
    }

    [Fact]
    public async Task A_local_officer_may_not_add_or_retire_photos_and_an_admin_reads_none()
    {
        var person = await server.CaseOf("demo.manager");
        var photo = (await (await PeopleAs("demo.manager")).ListPhotosAsync(new ListPhotosRequest { PersonId = person.ToString() })).Photos[0];
        var officer = await PeopleAs("demo.officer", "briefing");
        var admin = await PeopleAs("demo.admin", "audit");

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", () => officer.AddPhotoAsync(Add(person, TestImages.Jpeg())).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED",
            () => officer.RetirePhotoAsync(new RetirePhotoRequest { Id = photo.Id, ExpectedVersion = photo.Version }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", () => admin.GetPhotoAsync(new GetPhotoRequest { Id = photo.Id }).ResponseAsync);
    }

    [Fact]
    public async Task Photos_list_in_pages()
    {
        var person = await server.CaseOf("demo.manager", skip: 5);
        var people = await PeopleAs("demo.manager");
        for (var i = 0; i < 3; i++) await people.AddPhotoAsync(Add(person, TestImages.Jpeg(seed: i), PhotoKind.Other));

        var first = await people.ListPhotosAsync(new ListPhotosRequest { PersonId = person.ToString(), PageSize = 2 });
        var second = await people.ListPhotosAsync(new ListPhotosRequest { PersonId = person.ToString(), PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(2, first.Photos.Count);
        Assert.Equal(4, first.Photos.Concat(second.Photos).Select(p => p.Id).Distinct().Count());
        Assert.Equal("", second.NextPageToken);
    }
}
