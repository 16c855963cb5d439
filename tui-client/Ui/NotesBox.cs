using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

#pragma warning disable CS0618
// Terminal.Gui 2.5 marks TextView obsolete in favour of a separate editor package; a plain
// multi-line box for notes is all the client needs, so it stays here, in one place.

/// <summary>A multi-line box for notes: wraps words, and Tab moves on rather than typing a tab.</summary>
public sealed class NotesBox : TextView
{
    public NotesBox()
    {
        WordWrap = true;
        TabKeyAddsTab = false;
    }
}
#pragma warning restore CS0618
