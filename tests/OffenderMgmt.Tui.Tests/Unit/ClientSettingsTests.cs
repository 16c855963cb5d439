using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Workspaces.LocalOfficer;

namespace OffenderMgmt.Tui.Tests.Unit;

public sealed class ClientSettingsTests
{
    [Fact]
    public void The_last_beat_is_remembered_per_user_in_the_settings_file_across_runs()
    {
        var directory = Directory.CreateTempSubdirectory("omtui-");
        try
        {
            var path = Path.Combine(directory.FullName, "offendermgmt", "tui-client.json");
            ClientSettings.Open(path).RememberBeat("pc.one", "E05000001");

            var again = ClientSettings.Open(path);
            Assert.Equal("E05000001", again.LastBeat("pc.one"));
            Assert.Null(again.LastBeat("pc.two"));
            File.WriteAllText(path, "{not json");
            Assert.Null(ClientSettings.Open(path).LastBeat("pc.one"));  // a damaged file is a lost convenience, not an error
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_beat_picker_starts_on_the_current_beat_else_the_first_of_the_officers_own_district()
    {
        AreaRow[] beats =
        [
            new("B1", "Brickhill", "Bedford", 3), new("B2", "Kempston", "Bedford", 1),
            new("C1", "Ampthill", "Central Bedfordshire", 2),
            new("L1", "Barnfield", "Luton", 4), new("L2", "High Town", "Luton", 5),
        ];

        Assert.Equal(3, BeatPickerDialog.StartAt(beats, null, "Luton Community Policing"));
        Assert.Equal(4, BeatPickerDialog.StartAt(beats, "L2", "Luton Community Policing"));
        Assert.Equal(2, BeatPickerDialog.StartAt(beats, null, "Central Bedfordshire Community Policing"));
        Assert.Equal(0, BeatPickerDialog.StartAt(beats, null, "Violent and Sexual Offender Management Team"));
        Assert.Equal(3, BeatPickerDialog.StartAt(beats, "gone", "Luton Community Policing"));
    }
}
