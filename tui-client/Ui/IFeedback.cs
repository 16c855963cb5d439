namespace OffenderMgmt.Tui.Ui;

/// <summary>Where a screen or dialog tells the user what it is doing and how it went.</summary>
public interface IFeedback
{
    void Busy(string doing);
    void Info(string text);
    void Problem(string text);
    void Clear();
}

/// <summary>The status line is the feedback of a whole screen.</summary>
internal sealed class StatusLineFeedback(StatusLine line) : IFeedback
{
    public void Busy(string doing) => line.Busy(doing);
    public void Info(string text) => line.Info(text);
    public void Problem(string text) => line.Error(text);
    public void Clear() => line.Clear();
}
