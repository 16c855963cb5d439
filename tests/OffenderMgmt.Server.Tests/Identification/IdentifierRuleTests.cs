using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Identification;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Tests.IdentificationTests;

/// <summary>Registration marks, IMEIs, phone numbers, partial-mark ranking and device inspections, without a host.</summary>
public sealed class IdentifierRuleTests
{
    // The nine layouts of the Road Vehicles (Display of Registration Marks) Regulations 2001,
    // Schedule 3, Part 1, Table A, with the examples the table gives, in any case and spacing.
    [Theory]
    [InlineData("de51abc", "DE51ABC", "DE51 ABC", MarkLayout.Current)]      // row 1, current format
    [InlineData("AB 12 CDE", "AB12CDE", "AB12 CDE", MarkLayout.Current)]
    [InlineData("A123ABC", "A123ABC", "A123 ABC", MarkLayout.Prefix)]       // row 2, prefix
    [InlineData("a1 bcd", "A1BCD", "A1 BCD", MarkLayout.Prefix)]
    [InlineData("ABC123A", "ABC123A", "ABC 123A", MarkLayout.Suffix)]       // row 3, suffix
    [InlineData("1234 AB", "1234AB", "1234 AB", MarkLayout.Dateless)]       // row 4
    [InlineData("1234A", "1234A", "1234 A", MarkLayout.Dateless)]
    [InlineData("123 ABC", "123ABC", "123 ABC", MarkLayout.Dateless)]       // row 5
    [InlineData("12A", "12A", "12 A", MarkLayout.Dateless)]
    [InlineData("ABC 123", "ABC123", "ABC 123", MarkLayout.Dateless)]       // row 6
    [InlineData("A12", "A12", "A 12", MarkLayout.Dateless)]
    [InlineData("AB1234", "AB1234", "AB 1234", MarkLayout.Dateless)]        // row 7
    [InlineData("ABZ 1234", "ABZ1234", "ABZ 1234", MarkLayout.Dateless)]    // row 8, Northern Ireland
    [InlineData("1234 ABZ", "1234ABZ", "1234 ABZ", MarkLayout.Dateless)]    // row 9, Northern Ireland
    public void Each_layout_of_the_2001_regulations_is_accepted_stored_compact_and_shown_spaced(string typed, string compact, string display, MarkLayout layout)
    {
        Assert.True(RegistrationMark.TryNormalise(typed, out var stored, out var found, out var problem), problem);
        Assert.Equal(compact, stored);
        Assert.Equal(layout, found);
        Assert.Equal(display, RegistrationMark.Display(stored));
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("AB12-CDE", "letters A-Z and digits only")]
    [InlineData("AB12CDEF", "at most 7")]
    [InlineData("ABCD123", "not a UK registration mark")]   // four letters: no layout has them
    [InlineData("AB1C2DE", "not a UK registration mark")]   // letters and numbers interleaved
    [InlineData("12345AB", "not a UK registration mark")]   // five numbers
    [InlineData("AB01CDE", "age identifier 01")]            // DVLA INF104: 01 was never issued
    [InlineData("AB00CDE", "age identifier 00")]
    public void Impossible_marks_are_refused_saying_why(string typed, string why)
    {
        Assert.False(RegistrationMark.TryNormalise(typed, out _, out _, out var problem));
        Assert.Contains(why, problem);
    }

    // 3GPP TS 23.003 §6.2.1 and Annex B: 14 digits and a Luhn check digit.
    [Theory]
    [InlineData("490154203237518", true)]     // 49015420323751 with its Luhn digit 8
    [InlineData("49-015420-323751-8", true)]  // as printed on a label
    [InlineData("490154203237517", false)]    // check digit off by one
    [InlineData("49015420323751", false)]     // 14 digits
    [InlineData("4901542032375180", false)]   // 16 digits
    [InlineData("49015420323751X", false)]
    public void An_imei_needs_fifteen_digits_with_its_luhn_check_digit(string typed, bool valid)
    {
        Assert.Equal(valid, Imei.TryNormalise(typed, out var imei, out _));
        if (valid) Assert.Equal("490154203237518", imei);
    }

    [Theory]
    [InlineData("07700 900123", "+447700900123")]   // Ofcom's drama range, accepted for fictional records
    [InlineData("07911 123456", "+447911123456")]
    [InlineData("+44 7700 900123", "+447700900123")]
    [InlineData("01582 401234", "+441582401234")]   // a Luton landline
    [InlineData("+1 202 555 0143", "+12025550143")]
    public void Phone_numbers_are_stored_in_e164_read_as_uk_numbers_without_a_country_code(string typed, string e164)
    {
        Assert.True(PhoneNumber.TryNormalise(typed, out var stored, out var problem), problem);
        Assert.Equal(e164, stored);
    }

    [Theory]
    [InlineData("0770")]
    [InlineData("07000 00000")]
    [InlineData("not a number")]
    [InlineData("07700 900123 45678")]
    public void Phone_numbers_that_cannot_be_dialled_are_refused(string typed) =>
        Assert.False(PhoneNumber.TryNormalise(typed, out _, out _));

    [Fact]
    public void A_partial_mark_ranks_exact_before_one_unknown_before_more()
    {
        Assert.True(RegistrationPattern.TryParse("kx61 abc", out var exact, out _));
        Assert.Equal(0, exact.UnknownsIn("KX61ABC"));
        Assert.Equal(1, exact.UnknownsIn("KX62ABC"));   // one misread character
        Assert.Null(exact.UnknownsIn("KX72ABC"));       // two: not a match
        Assert.Null(exact.UnknownsIn("KX61AB"));

        Assert.True(RegistrationPattern.TryParse("KX6?ABC", out var partial, out _));
        Assert.Equal(1, partial.UnknownsIn("KX61ABC"));
        Assert.Equal(1, partial.UnknownsIn("KX69ABC"));
        Assert.Equal(2, partial.UnknownsIn("KX69ABD"));
        Assert.Null(partial.UnknownsIn("KY69ABD"));
        // Every match is found by one of the LIKE patterns that narrow the search in SQL.
        Assert.Contains("KX6_ABC", partial.LikePatterns());
        Assert.Contains("KX6_AB_", partial.LikePatterns());
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("K???", "at least 2")]
    [InlineData("KX????C", "at most 3 unknown")]
    [InlineData("KX6*ABC", "letters A-Z, digits and ?")]
    public void A_search_mark_that_cannot_find_anything_useful_is_refused(string typed, string why)
    {
        Assert.False(RegistrationPattern.TryParse(typed, out _, out var problem));
        Assert.Contains(why, problem);
    }

    private static PersonDevice Phone(string? imei, string? number, Guid? registeredUnder = null) =>
        new() { Type = DeviceType.Phone, Imei = imei, PhoneNumber = number, RegisteredConditionId = registeredUnder };

    // SCPO device conditions (Serious Crime Act 2007, s.5(3)(c),(e); breach s.25) and CBO
    // prohibitions (Anti-social Behaviour, Crime and Policing Act 2014, s.22; breach s.30).
    [Fact]
    public void An_unregistered_phone_under_a_one_phone_condition_is_a_suspected_breach()
    {
        var condition = new DevicesCondition { MaxPhones = 1, MustRegisterDevices = true };
        var registered = Phone("490154203237518", "+447700900123", condition.Id);
        var judged = DeviceInspectionRules.Judge([Phone("490154203237518", null), Phone(null, "+447700900999")], [registered], condition);
        Assert.True(judged.BreachSuspected);
        Assert.Single(judged.Unregistered);
        Assert.Contains("not registered", judged.Reason);
        Assert.Contains("2 phones found where the order allows 1", judged.Reason);

        var onlyTheRegistered = DeviceInspectionRules.Judge([Phone(null, "+447700900123")], [registered], condition);
        Assert.False(onlyTheRegistered.BreachSuspected);
        Assert.Empty(onlyTheRegistered.Unregistered);
    }

    [Fact]
    public void Without_a_devices_condition_in_force_a_device_found_is_recorded_but_no_breach()
    {
        var removed = new DevicesCondition { MaxPhones = 1, MustRegisterDevices = true, RemovedOn = new DateOnly(2026, 1, 1) };
        Assert.False(DeviceInspectionRules.Judge([Phone(null, "+447700900999")], [], null).BreachSuspected);
        Assert.False(DeviceInspectionRules.Judge([Phone(null, "+447700900999")], [], removed).BreachSuspected);
        Assert.Single(DeviceInspectionRules.Judge([Phone(null, "+447700900999")], [], null).Unregistered);
    }

    // Issue 18, Access: marks and vehicles are briefing fields; devices and online identifiers
    // casework for managers, supervisors and the service that recorded them.
    [Fact]
    public void Devices_and_online_identifiers_are_casework_marks_and_vehicles_briefing_fields()
    {
        var mark = new PersonMark { RecordedBy = "demo.manager" };
        var device = new PersonDevice { RecordedBy = "court.service" };
        var online = new OnlineIdentifier { RecordedBy = "court.service" };
        Assert.True(IdentifierRules.MaySee(mark, Role.LocalOfficer, DisclosureLevel.Briefing, "demo.officer"));
        Assert.False(IdentifierRules.MaySee(device, Role.LocalOfficer, DisclosureLevel.Briefing, "demo.officer"));
        Assert.False(IdentifierRules.MaySee(online, Role.Analyst, DisclosureLevel.Standard, "demo.analyst"));
        Assert.False(IdentifierRules.MaySee(device, Role.PartnerAgency, DisclosureLevel.Standard, "demo.partner"));
        Assert.True(IdentifierRules.MaySee(device, Role.OffenderManager, DisclosureLevel.Full, "demo.manager"));
        Assert.True(IdentifierRules.MaySee(online, Role.Supervisor, DisclosureLevel.Full, "demo.supervisor"));
        Assert.True(IdentifierRules.MaySee(device, Role.Service, DisclosureLevel.Standard, "court.service"));
        Assert.False(IdentifierRules.MaySee(device, Role.Service, DisclosureLevel.Standard, "other.service"));
    }

    [Fact]
    public void Every_identifier_enum_value_has_its_proto_counterpart_and_back()
    {
        static void Covers<TDomain, TProto>(EnumTable<TDomain, TProto> table)
            where TDomain : struct, Enum where TProto : struct, Enum
        {
            Assert.All(Enum.GetValues<TDomain>(), d => Assert.Equal(d, table.ToDomain(table.ToProto(d))));
            Assert.All(Enum.GetValues<TProto>().Where(p => Convert.ToInt32(p, System.Globalization.CultureInfo.InvariantCulture) != 0), p => Assert.NotNull(table.ToDomain(p)));
        }
        Covers(IdentifierMessages.MarkTypes);
        Covers(IdentifierMessages.VehicleLinks);
        Covers(IdentifierMessages.DeviceTypes);
    }

    [Fact]
    public void Mark_search_words_match_the_start_of_stored_words()
    {
        var text = MarkText.SearchText(MarkType.Tattoo, "left forearm", "a rose with the name KAREN");
        Assert.Equal(" TATTOO LEFT FOREARM ROSE NAME KAREN ".ToLowerInvariant(), text);
        Assert.Equal(["tattoo", "left", "forearm", "rose"], MarkText.Words("Tattoo, left forearm, rose"));
    }
}
