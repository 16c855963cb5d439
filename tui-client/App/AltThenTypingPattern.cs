using System.Reflection;
using System.Text.RegularExpressions;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.App;

/// <summary>
/// Reads Alt+letter followed at once by more typing. Terminals (xterm, tmux, most others) send
/// Alt+N as ESC then "n". Terminal.Gui 2.5.0's ANSI input recognises ESC+letter only when
/// nothing follows it in the same read: "ESC n P h o n e d" (Alt+N, then the note), which is what
/// typing ahead, a paste or a loaded machine delivers, is held as an unknown escape sequence and
/// then dropped, so the field's Alt key and everything typed after it were lost. This pattern
/// sees "ESC, letter, one more character" as Alt+letter; the character after it is handed to
/// <see cref="TypeAhead"/>, which delivers it right after the Alt key, in order, before the rest
/// of the read is parsed.
/// <para>
/// ESC O (SS3: F1 to F4 and the keypad), ESC P (DCS) and ESC X (SOS) start real sequences, so
/// Alt+O, Alt+P and Alt+X followed at once by typing still go to Terminal.Gui's own reading.
/// </para>
/// </summary>
public sealed class AltThenTypingPattern : AnsiKeyboardParserPattern
{
    private static readonly Regex Shape = new("^\u001b([a-zA-NQ-WYZ0-9])([^\u001b])$", RegexOptions.CultureInvariant);

    /// <summary>The character read after the Alt key that has just been raised, until taken.</summary>
    private char? _follower;

    public override bool IsMatch(string? input) => input is not null && Shape.IsMatch(input);

    protected override Key? GetKeyImpl(string? input)
    {
        var match = Shape.Match(input ?? "");
        if (!match.Success) return null;
        _follower = match.Groups[2].Value[0];
        return ((Key)match.Groups[1].Value[0]).WithAlt;
    }

    /// <summary>The key typed right after the Alt key just raised, once (null when there is none).</summary>
    public Key? TakeFollower()
    {
        if (_follower is not { } c) return null;
        _follower = null;
        return KeyOf(c);
    }

    /// <summary>The key a character read from the terminal stands for.</summary>
    public static Key KeyOf(char c) => c switch
    {
        '\r' or '\n' => Key.Enter,
        '\t' => Key.Tab,
        '\u007f' or '\b' => Key.Backspace,
        >= '\u0001' and <= '\u001a' => ((Key)(char)(c + 96)).WithCtrl,
        _ => (Key)c,
    };

    /// <summary>
    /// Puts the pattern first in the application's ANSI keyboard parser. Terminal.Gui keeps its
    /// patterns in a private list (2.5.0, pinned in Directory.Packages.props); null when the driver
    /// parses no ANSI input or the list is not where 2.5.0 keeps it (a test fails on an upgrade).
    /// </summary>
    public static AltThenTypingPattern? InstallIn(IApplication app)
    {
        if (app.Driver?.GetInputProcessor().GetParser() is not { } parser) return null;
        var keyboardField = FieldOf(parser.GetType(), "_keyboardParser");
        if (keyboardField?.GetValue(parser) is not AnsiKeyboardParser keyboard) return null;
        if (FieldOf(typeof(AnsiKeyboardParser), "_patterns")?.GetValue(keyboard) is not List<AnsiKeyboardParserPattern> patterns) return null;
        if (patterns.OfType<AltThenTypingPattern>().FirstOrDefault() is { } installed) return installed;
        var pattern = new AltThenTypingPattern();
        patterns.Insert(0, pattern);
        return pattern;
    }

    private static FieldInfo? FieldOf(Type? type, string name)
    {
        for (; type is not null; type = type.BaseType)
            if (type.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic) is { } field) return field;
        return null;
    }
}
