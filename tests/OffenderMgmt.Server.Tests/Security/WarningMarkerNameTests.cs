using OffenderMgmt.Server.People;

namespace OffenderMgmt.Tests.Security;

/// <summary>Warning markers are written as words, from an explicit table that covers every marker.</summary>
public sealed class WarningMarkerNameTests
{
    [Fact]
    public void Every_warning_marker_has_a_name_in_words()
    {
        var markers = Enum.GetValues<WarningMarkers>().Where(m => m != WarningMarkers.None);
        Assert.Equal(markers.Order(), WarningMarkerNames.All.Order());
        Assert.All(markers, m => Assert.Matches("^[a-z][a-z -]*$", WarningMarkerNames.Of(m)));
    }

    [Fact]
    public void Health_kind_markers_read_as_words_in_a_briefing()
    {
        Assert.Equal("violent, self-harm, mental health", WarningMarkerNames.Describe(WarningMarkers.Violent | WarningMarkers.MentalHealth | WarningMarkers.SelfHarm));
        Assert.Equal("", WarningMarkerNames.Describe(WarningMarkers.None));
        Assert.Equal(WarningMarkers.MentalHealth | WarningMarkers.SelfHarm | WarningMarkers.Drugs, WarningMarkerNames.HealthKinds);
    }
}
