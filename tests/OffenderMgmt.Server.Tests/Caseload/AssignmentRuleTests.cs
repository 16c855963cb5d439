using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Officers;

namespace OffenderMgmt.Tests.CaseloadTests;

public class AssignmentRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static Officer Officer(Accreditations accreditations, DateOnly? left = null) => new()
    {
        GivenName = "Test", FamilyName = "Officer", Accreditations = accreditations, InPostFrom = new DateOnly(2020, 1, 1), InPostTo = left,
    };

    [Fact]
    public void Only_an_accredited_officer_may_hold_a_vsomt_case()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => AssignmentRules.EnsureMayHoldCase(Officer(Accreditations.Iom), Scheme.Vsomt, Today));
        Assert.Equal("NOT_ACCREDITED", refusal.Rule);
        AssignmentRules.EnsureMayHoldCase(Officer(Accreditations.ViolentAndSexualOffenders), Scheme.Vsomt, Today);
        AssignmentRules.EnsureMayHoldCase(Officer(Accreditations.None), Scheme.Iom, Today);
    }

    [Fact]
    public void Nobody_out_of_post_is_given_work()
    {
        var left = Officer(Accreditations.ViolentAndSexualOffenders, left: Today.AddDays(-1));
        Assert.Equal("OUT_OF_POST", Assert.Throws<RuleViolationException>(() => AssignmentRules.EnsureMayHoldCase(left, Scheme.Iom, Today)).Rule);
        Assert.Equal("OUT_OF_POST", Assert.Throws<RuleViolationException>(() => AssignmentRules.EnsureMayLeadOrder(left, Today)).Rule);
        // Their last day is still a working day.
        AssignmentRules.EnsureMayLeadOrder(Officer(Accreditations.None, left: Today), Today);
    }
}
