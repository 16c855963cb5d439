using OffenderMgmt.Server.Retention;

namespace OffenderMgmt.Tests.Retention;

/// <summary>MoPI groups and schedules (College of Policing APP "Information management: retention, review and disposal").</summary>
public sealed class MopiScheduleTests
{
    [Fact]
    public void Public_protection_outranks_serious_offending_which_outranks_everything_else()
    {
        Assert.Equal(MopiGroup.PublicProtection, MopiSchedule.GroupOf(publicProtection: true, seriousOffending: true));
        Assert.Equal(MopiGroup.SeriousOffending, MopiSchedule.GroupOf(publicProtection: false, seriousOffending: true));
        Assert.Equal(MopiGroup.OtherOffending, MopiSchedule.GroupOf(publicProtection: false, seriousOffending: false));
    }

    [Fact]
    public void A_record_is_first_reviewed_its_groups_years_after_it_was_made_and_then_when_the_reviewer_said()
    {
        var options = new RetentionOptions();
        var made = new DateOnly(2020, 3, 1);
        Assert.Equal(new DateOnly(2030, 3, 1), MopiSchedule.DueOn(RetainedRecordKind.Sighting, MopiGroup.PublicProtection, made, null, options));
        Assert.Equal(new DateOnly(2026, 3, 1), MopiSchedule.DueOn(RetainedRecordKind.Sighting, MopiGroup.OtherOffending, made, null, options));
        Assert.Equal(new DateOnly(2031, 1, 1), MopiSchedule.DueOn(RetainedRecordKind.Sighting, MopiGroup.OtherOffending, made, new DateOnly(2031, 1, 1), options));
    }

    [Fact]
    public void A_kinds_own_schedule_applies_below_group_1_and_group_1_keeps_the_longest()
    {
        var options = new RetentionOptions { KindYears = { [RetainedRecordKind.Photo] = 3 } };
        var made = new DateOnly(2020, 3, 1);
        Assert.Equal(new DateOnly(2023, 3, 1), MopiSchedule.DueOn(RetainedRecordKind.Photo, MopiGroup.OtherOffending, made, null, options));
        Assert.Equal(new DateOnly(2026, 3, 1), MopiSchedule.DueOn(RetainedRecordKind.Sighting, MopiGroup.OtherOffending, made, null, options));
        Assert.Equal(new DateOnly(2030, 3, 1), MopiSchedule.DueOn(RetainedRecordKind.Photo, MopiGroup.PublicProtection, made, null, options));
        var tooLong = new RetentionOptionsValidator().Validate(null, new RetentionOptions { KindYears = { [RetainedRecordKind.Person] = 11 } });
        Assert.True(tooLong.Failed);
        Assert.Contains("Retention:KindYears:Person", tooLong.FailureMessage);
    }

    [Fact]
    public void A_schedule_that_keeps_public_protection_records_less_long_than_others_stops_the_server()
    {
        var result = new RetentionOptionsValidator().Validate(null, new RetentionOptions { PublicProtectionYears = 6, OtherOffendingYears = 7 });
        Assert.True(result.Failed);
        Assert.Contains("Retention:PublicProtectionYears", result.FailureMessage);
        Assert.True(new RetentionOptionsValidator().Validate(null, new RetentionOptions()).Succeeded);
    }

    [Fact]
    public void Every_record_kind_and_outcome_maps_both_ways()
    {
        foreach (var kind in Enum.GetValues<RetainedRecordKind>())
            Assert.Equal(kind, RetentionMessages.Kinds.ToDomain(RetentionMessages.Kinds.ToProto(kind)));
        foreach (var outcome in Enum.GetValues<ReviewOutcome>())
            Assert.Equal(outcome, RetentionMessages.Outcomes.ToDomain(RetentionMessages.Outcomes.ToProto(outcome)));
        Assert.Equal(Enum.GetValues<OffenderMgmt.Contracts.V1.RetainedRecordKind>().Length - 1, RetentionMessages.Kinds.Pairs.Count);
        Assert.Equal(Enum.GetValues<OffenderMgmt.Contracts.V1.ReviewOutcome>().Length - 1, RetentionMessages.Outcomes.Pairs.Count);
    }
}
