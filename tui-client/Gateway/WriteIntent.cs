namespace OffenderMgmt.Tui.Gateway;

/// <summary>
/// The request id of one thing the user means to record. Pressing Save again after a timeout
/// or a lost connection sends the same id with the same content, so the server applies it once
/// (its idempotency record answers the retry). Change what was typed and it is a new request,
/// with a new id: the server refuses an old id reused for different content.
/// </summary>
public sealed class WriteIntent
{
    private object? _content;
    private string _id = NewId();

    /// <summary>The id to send with <paramref name="content"/> (a record, compared by value).</summary>
    public string IdFor(object content)
    {
        if (_content is null || !_content.Equals(content))
        {
            if (_content is not null) _id = NewId();
            _content = content;
        }
        return _id;
    }

    private static string NewId() => $"tui-{Guid.NewGuid():N}";
}
