namespace OffenderMgmt.Tui.Ui;

/// <summary>Where a screen or dialog tells the user what it is doing and how it went.</summary>
public interface IFeedback
{
    void Busy(string doing);
    void Info(string text);
    void Problem(string text);
    /// <summary>Nothing is in progress any more: take the progress message away (but not a problem or a result).</summary>
    void Idle();
}

/// <summary>The status line is the feedback of a whole screen.</summary>
internal sealed class StatusLineFeedback(StatusLine line) : IFeedback
{
    public void Busy(string doing) => line.Busy(doing);
    public void Info(string text) => line.Info(text);
    public void Problem(string text) => line.Error(text);
    public void Idle()
    {
        if (line.Kind == StatusKind.Busy) line.Clear();
    }
}
