namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// Friendly command-line switches, rewritten into configuration keys before the host reads
/// them: <c>--demo</c>, <c>--data-dir PATH</c>, <c>--seed N</c>, <c>--port N</c>,
/// <c>--provider sqlite|postgres</c>, <c>--connection-string "..."</c>. Anything else
/// passes through (so <c>--Storage:DataDirectory=...</c> still works).
/// </summary>
public static class CommandLine
{
    public static string[] Rewrite(string[] args)
    {
        var rewritten = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            switch (arg)
            {
                case "--demo": rewritten.Add("--Demo:Enabled=true"); break;
                case "--seed": rewritten.Add($"--Demo:Seed={Next()}"); break;
                case "--data-dir": rewritten.Add($"--Storage:DataDirectory={Next()}"); break;
                case "--provider": rewritten.Add($"--Storage:Provider={Next()}"); break;
                case "--connection-string": rewritten.Add($"--Storage:ConnectionString={Next()}"); break;
                case "--port": rewritten.Add($"--urls=http://localhost:{Next()}"); break;
                default: rewritten.Add(arg); break;
            }
        }
        return rewritten.ToArray();
    }
}
