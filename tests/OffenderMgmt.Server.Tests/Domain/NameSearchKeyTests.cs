using OffenderMgmt.Server.People;

namespace OffenderMgmt.Tests.Domain;

public class NameSearchKeyTests
{
    [Theory]
    [InlineData("o'brien", "OBRIEN")]
    [InlineData("O’Brien", "OBRIEN")]
    [InlineData("Zoë", "ZOE")]
    [InlineData("  mcCARTHY ", "MCCARTHY")]
    public void Names_fold_to_upper_case_without_accents_or_apostrophes(string name, string folded)
    {
        Assert.Equal([folded], NameNormaliser.Tokens(name));
    }

    [Fact]
    public void Hyphenated_and_spaced_names_give_one_key_per_word()
    {
        Assert.Equal(["CAMPBELL", "SMITH", "JR"], NameNormaliser.Tokens("Campbell-Smith jr."));
    }

    [Theory]
    [InlineData("ROBERT", "R163")]
    [InlineData("RUPERT", "R163")]
    [InlineData("ASHCRAFT", "A261")]
    [InlineData("ASHCROFT", "A261")]
    [InlineData("TYMCZAK", "T522")]
    [InlineData("PFISTER", "P236")]
    [InlineData("HONEYMAN", "H555")]
    [InlineData("LEE", "L000")]
    public void Soundex_follows_the_american_rules(string name, string code)
    {
        Assert.Equal(code, Soundex.Encode(name));
    }

    [Fact]
    public void Sound_alike_spellings_share_a_code()
    {
        Assert.Equal(Soundex.Encode("SMITH"), Soundex.Encode("SMYTH"));
    }

    [Fact]
    public void A_persons_keys_cover_every_word_of_the_name_and_aliases_once()
    {
        var person = new Person
        {
            GivenName = "Jack",
            FamilyName = "Campbell-Smith",
            Aliases = [new PersonAlias { GivenName = "Jack", FamilyName = "Smith" }, new PersonAlias { GivenName = "J", FamilyName = "Doyle" }],
        };
        person.RebuildNameKeys();
        Assert.Equal(["CAMPBELL", "DOYLE", "J", "JACK", "SMITH"], person.NameKeys.Select(k => k.Token));
        Assert.Equal("CAMPBELL SMITH JACK", person.SortName);
    }
}
