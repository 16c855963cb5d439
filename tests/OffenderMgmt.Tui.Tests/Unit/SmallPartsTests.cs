using OffenderMgmt.Contracts.Tls;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Supervisor;

namespace OffenderMgmt.Tui.Tests.Unit;

public sealed class SmallPartsTests
{
    [Fact]
    public void A_geojson_polygon_or_multipolygon_gives_rings_of_latitude_longitude()
    {
        var polygon = """{"type":"Polygon","coordinates":[[[-0.44,51.87],[-0.40,51.87],[-0.40,51.89],[-0.44,51.87]]]}""";
        var multi = """{"type":"MultiPolygon","coordinates":[[[[-0.44,51.87],[-0.40,51.87],[-0.40,51.89]]],[[[0.1,52.0],[0.2,52.0],[0.2,52.1]]]]}""";

        var rings = GeoJsonOutline.Rings(polygon);

        Assert.Single(rings);
        Assert.Equal(new GeoPosition(51.87, -0.44), rings[0][0]);
        Assert.Equal(2, GeoJsonOutline.Rings(multi).Count);
        Assert.Empty(GeoJsonOutline.Rings("{not json"));
        Assert.Empty(GeoJsonOutline.Rings("""{"type":"Point","coordinates":[0,0]}"""));
    }

    [Theory]
    [InlineData("51.8812, -0.4176", true)]
    [InlineData("51.8812 -0.4176", true)]
    [InlineData("51,8812", false)]
    [InlineData("91, 0", false)]
    [InlineData("high street", false)]
    public void A_typed_location_is_latitude_then_longitude(string text, bool valid)
    {
        Assert.Equal(valid, GeoPosition.TryParse(text, out var position, out var problem));
        if (valid) Assert.Equal(51.8812, position.Latitude, 6);
        else Assert.NotEmpty(problem);
    }

    [Fact]
    public void The_same_content_keeps_its_request_id_and_new_content_gets_a_new_one()
    {
        var intent = new WriteIntent();
        var first = intent.IdFor(("check", "Compliant", "notes"));

        Assert.Equal(first, intent.IdFor(("check", "Compliant", "notes")));
        Assert.NotEqual(first, intent.IdFor(("check", "Compliant", "notes, edited")));
    }

    [Fact]
    public void Agreed_actions_are_read_one_per_line()
    {
        var (actions, problem) = IomDecisionDialog.ParseActions("Housing referral; housing; PC Jones; 2026-12-03\nWeekly drug test\n");

        Assert.Null(problem);
        Assert.Equal(2, actions.Count);
        Assert.Equal(new IomActionItem("Housing referral", "housing", "PC Jones", new DateOnly(2026, 12, 3)), actions[0]);
        Assert.Equal(new IomActionItem("Weekly drug test", null, null, null), actions[1]);
        Assert.NotNull(IomDecisionDialog.ParseActions("Visit; probation; me; next week").Problem);
    }

    [Fact]
    public void A_due_date_may_be_written_as_the_hint_shows_it()
    {
        var (actions, problem) = IomDecisionDialog.ParseActions("Hand over; Probation; PC Lee; due 2026-12-10");

        Assert.Null(problem);
        Assert.Equal(new DateOnly(2026, 12, 10), Assert.Single(actions).DueOn);
    }

    [Theory]
    [InlineData(0, "today")]
    [InlineData(1, "tomorrow")]
    [InlineData(5, "in 5 days")]
    [InlineData(-1, "1 day late")]
    [InlineData(-12, "12 days late")]
    public void Due_dates_read_the_way_officers_say_them(int days, string expected)
    {
        var today = new DateOnly(2026, 11, 26);
        Assert.Equal(expected, Dates.Due(today.AddDays(days), today));
    }

    [Fact]
    public void Long_messages_wrap_at_word_boundaries()
    {
        var lines = TextWrap.Lines("A reason is needed: this person is not one of your cases.", 20);

        Assert.All(lines, l => Assert.True(l.Length <= 20));
        Assert.Equal("A reason is needed: this person is not one of your cases.", string.Join(" ", lines));
        Assert.Equal("abcd…", TextWrap.Fit("abcdefgh", 5));
    }

    [Theory]
    [InlineData(new[] { "--server", "localhost:5391" }, "http://localhost:5391/")]
    [InlineData(new string[0], "http://localhost:5280/")]
    public void The_server_address_defaults_to_the_local_demo_server(string[] args, string expected)
    {
        Assert.Equal(expected, ClientOptions.Parse(args).Server.ToString());
    }

    [Fact]
    public void Unknown_options_and_bad_addresses_are_refused_with_the_usage()
    {
        Assert.Throws<ArgumentException>(() => ClientOptions.Parse(["--frobnicate"]));
        Assert.Throws<ArgumentException>(() => ClientOptions.Parse(["--server", "ftp://x"]));
        Assert.Null(ClientOptions.Parse(["--no-log"]).LogPath);
    }

    [Fact]
    public void A_certificate_authority_for_a_TLS_server_is_taken_from_a_file_that_exists()
    {
        var ca = Path.GetTempFileName();
        try
        {
            Assert.Equal(ca, ClientOptions.Parse(["--server", "https://om.force.example:5280", "--ca", ca]).CertificateAuthority);
            var error = Assert.Throws<ArgumentException>(() => ClientOptions.Parse(["--ca", ca + ".absent"]));
            Assert.Contains("--ca", error.Message);
        }
        finally
        {
            File.Delete(ca);
        }
    }

    [Fact]
    public void A_CA_file_with_no_certificate_in_it_is_refused_rather_than_trusting_nothing_silently()
    {
        var empty = Path.GetTempFileName();
        try
        {
            Assert.Throws<ArgumentException>(() => new SocketsHttpHandler().TrustingAuthority(empty));
        }
        finally
        {
            File.Delete(empty);
        }
    }
}
