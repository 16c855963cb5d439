using OffenderMgmt.Server.People;

namespace OffenderMgmt.Tests.Domain;

public class PncIdTests
{
    [Fact]
    public void Check_letter_is_taken_from_year_digits_and_serial_modulo_23()
    {
        // DESIGN.md: 2001/0012345 gives n = 010012345; 10012345 mod 23 = 8, the ninth letter of
        // ZABCDEFGHJKLMNPQRTUVWXY is H.
        Assert.Equal('H', PncId.CheckLetter(2001, "0012345"));
    }

    [Theory]
    [InlineData("2001/0012345H", "2001/0012345H")]
    [InlineData("2001/0012345h", "2001/0012345H")]
    [InlineData("2001/12345H", "2001/0012345H")]
    [InlineData(" 2001/0012345H ", "2001/0012345H")]
    public void Valid_ids_are_accepted_in_canonical_form(string given, string canonical)
    {
        Assert.True(PncId.TryNormalise(given, out var normalised, out var problem), problem);
        Assert.Equal(canonical, normalised);
    }

    [Fact]
    public void A_wrong_check_letter_is_refused_with_the_expected_letter()
    {
        Assert.False(PncId.TryNormalise("2001/0012345A", out _, out var problem));
        Assert.Contains("expected 'H'", problem);
    }

    [Theory]
    [InlineData("01/0012345H")]
    [InlineData("2001-0012345H")]
    [InlineData("2001/00123456H")]
    [InlineData("2001/0012345")]
    [InlineData("1850/0012345H")]
    [InlineData("")]
    public void Malformed_ids_are_refused(string given)
    {
        Assert.False(PncId.TryNormalise(given, out _, out _));
    }

    [Fact]
    public void Created_ids_always_carry_a_valid_check_letter()
    {
        for (var serial = 1; serial < 5000; serial += 37)
        {
            var id = PncId.Create(1999 + serial % 25, serial);
            Assert.True(PncId.TryNormalise(id, out _, out var problem), problem);
        }
    }
}
