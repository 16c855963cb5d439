using OffenderMgmt.Tui.Gateway;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Tests.Unit;

/// <summary>
/// Every value of the enums the notification, risk, MAPPA and breach screens show has its own
/// words in an explicit table (issue 20, point 9: no internal names on screen), and no two
/// values read the same.
/// </summary>
public sealed class NewWordingTests
{
    /// <param name="zeroIsUnset">The API's enums keep 0 for "unspecified", which has no words of its own.</param>
    private static void EveryValueWorded<TEnum>(Func<TEnum, string> words, string fallback, bool zeroIsUnset = true) where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>().Where(v => !zeroIsUnset || Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0).ToList();
        var texts = values.Select(words).ToList();
        Assert.All(texts, t => Assert.NotEqual(fallback, t));
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        Assert.Equal(texts.Count, texts.Distinct().Count());
    }

    [Fact]
    public void Risk_tools_pillars_statuses_and_factors_are_worded()
    {
        EveryValueWorded<V1.AssessmentTool>(t => RiskWording.Of(t), "Assessment");
        EveryValueWorded<V1.PlanPillar>(RiskWording.Of, "Other");
        EveryValueWorded<V1.DashLevel>(RiskWording.Of, "not graded");
        EveryValueWorded<V1.ArmsRiskFactor>(RiskWording.Of, "");
        EveryValueWorded<V1.ArmsProtectiveFactor>(RiskWording.Of, "");
        // Action statuses: unspecified means open on the wire, so only the three named ones.
        Assert.Equal(["open", "done", "cancelled"], new[] { V1.ActionStatus.Open, V1.ActionStatus.Done, V1.ActionStatus.Cancelled }.Select(RiskWording.Of));
        Assert.Equal(Enum.GetValues<PlanState>().Length, Enum.GetValues<V1.PlanStatus>().Length);
    }

    [Fact]
    public void Mappa_agenda_reasons_are_worded() => EveryValueWorded<V1.AgendaReasonMappa>(MappaWording.Of, "");

    [Fact]
    public void Notification_kinds_are_worded_and_match_the_api_one_for_one()
    {
        EveryValueWorded<NotificationKindChoice>(k => k.Describe(), "Notification");
        Assert.Equal(
            Enum.GetValues<V1.NotificationKind>().Where(k => k != V1.NotificationKind.Unspecified).Select(k => (int)k),
            Enum.GetValues<NotificationKindChoice>().Select(k => (int)k));
    }

    [Fact]
    public void Breach_decisions_are_worded() => EveryValueWorded<BreachDecision>(d => d.Describe(), "Decision", zeroIsUnset: false);
}

/// <summary>The handover's kinds come as the server's enum names; every one of them has words on the client.</summary>
public sealed class HandoverWordingTests
{
    [Fact]
    public void Every_server_check_and_contact_kind_name_is_shown_in_words()
    {
        foreach (var name in Enum.GetNames<OffenderMgmt.Server.Compliance.CheckKind>())
        {
            var words = CaseloadGateway.CheckKindNamed(name);
            Assert.NotEqual("check", words);
            Assert.NotEqual(name, words);
        }
        foreach (var name in Enum.GetNames<OffenderMgmt.Server.Caseload.ContactKind>())
        {
            var words = CaseloadGateway.ContactKindNamed(name);
            Assert.NotEqual("contact", words);
            Assert.NotEqual(name, words);
        }
        Assert.Equal("Device inspection", CaseloadGateway.CheckKindNamed("DeviceInspection"));
        Assert.Equal("", CaseloadGateway.CheckKindNamed(""));
    }
}
