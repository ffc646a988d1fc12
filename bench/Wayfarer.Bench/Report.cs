using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace Wayfarer.Bench;

/// <summary>A Markdown table built row by row.</summary>
internal sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public MarkdownTable Row(params object?[] cells)
    {
        _rows.Add([.. cells.Select(Format)]);
        return this;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        builder.Append('|').AppendJoin('|', headers.Select(h => h.EndsWith(' ') ? " :--- " : " ---: ")).AppendLine("|");
        foreach (var row in _rows)
        {
            builder.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        return builder.ToString();
    }

    private static string Format(object? cell) => cell switch
    {
        null => "",
        double d when double.IsNaN(d) => "–",
        double d => d >= 1000 ? d.ToString("N0", CultureInfo.InvariantCulture) : d >= 100 ? d.ToString("F0", CultureInfo.InvariantCulture) : d >= 10 ? d.ToString("F1", CultureInfo.InvariantCulture) : d.ToString("F2", CultureInfo.InvariantCulture),
        long l => l.ToString("N0", CultureInfo.InvariantCulture),
        int i => i.ToString("N0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}

/// <summary>What one verb produced: a titled Markdown section plus target verdicts.</summary>
internal sealed class VerbReport(string verb, string title)
{
    public string Verb { get; } = verb;

    public string Title { get; } = title;

    public StringBuilder Body { get; } = new();

    public List<(string Target, bool Met, string Measured)> Targets { get; } = [];

    public string ToMarkdown(int headingLevel)
    {
        var builder = new StringBuilder();
        builder.Append('#', headingLevel).Append(' ').AppendLine(Title).AppendLine();
        builder.Append(Body.ToString().TrimEnd()).AppendLine().AppendLine();
        if (Targets.Count > 0)
        {
            var table = new MarkdownTable("Target ", "Measured ", "Met ");
            foreach (var (target, met, measured) in Targets)
            {
                table.Row(target, measured, met ? "**yes**" : "**NO**");
            }

            builder.Append(table).AppendLine();
        }

        return builder.ToString();
    }
}

internal static class Machine
{
    /// <summary>Load average when the run started (set by Program).</summary>
    public static string LoadAtStart { get; set; } = LoadAverage();

    public static string Describe()
    {
        var table = new MarkdownTable("Machine ", "Value ");
        table.Row("CPU", CpuModel());
        table.Row("Logical cores", Environment.ProcessorCount);
        table.Row("Memory", $"{TotalMemoryGiB():F1} GiB");
        table.Row("OS", $"{OsPrettyName()} ({RuntimeInformation.OSDescription}, {RuntimeInformation.OSArchitecture})");
        table.Row(".NET", $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})");
        table.Row("GC", $"{(GCSettings.IsServerGC ? "server" : "workstation")}, {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}");
        table.Row("Runtime commit", RuntimeCommit());
        table.Row("Load average (1/5/15 min), start → end", $"{LoadAtStart} → {LoadAverage()} (other sessions share this machine; see \"other procs' cores\")");
        table.Row("Build", IsOptimized() ? "Release (optimized)" : "**Debug (not optimized): numbers are not representative**");
        return table.ToString();
    }

    public static string OneLine()
        => $"{Environment.ProcessorCount} cores, {TotalMemoryGiB():F0} GiB, {OsPrettyName()}, {RuntimeInformation.FrameworkDescription}";

    public static bool IsOptimized()
    {
        var attribute = typeof(Machine).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            .OfType<System.Diagnostics.DebuggableAttribute>().FirstOrDefault();
        return attribute is null || !attribute.IsJITOptimizerDisabled;
    }

    /// <summary>The repository's HEAD, flagged when runtime/ has uncommitted changes (what was really measured).</summary>
    public static string RuntimeCommit()
    {
        try
        {
            var head = Git("rev-parse --short HEAD");
            if (head is null)
            {
                return "n/a (not a git checkout)";
            }

            var dirty = Git("status --porcelain -- runtime");
            return string.IsNullOrWhiteSpace(dirty) ? head : head + " + uncommitted changes under runtime/";
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return "n/a";
        }
    }

    private static string? Git(string arguments)
    {
        var root = ResultsWriter.FindRepositoryRoot();
        if (root is null)
        {
            return null;
        }

        var info = new System.Diagnostics.ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : null;
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static double TotalMemoryGiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is not null)
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                return kb / 1024.0 / 1024.0;
            }
        }
        catch (IOException)
        {
        }

        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;
    }

    private static string OsPrettyName()
    {
        try
        {
            var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            if (line is not null)
            {
                return line["PRETTY_NAME=".Length..].Trim('"');
            }
        }
        catch (IOException)
        {
        }

        return RuntimeInformation.OSDescription;
    }
}

/// <summary>Writes results/&lt;verb&gt;.md (appended, newest last) and the results block of README.md.</summary>
internal static class ResultsWriter
{
    public const string BeginMarker = "<!-- bench:results:begin (written by `Wayfarer.Bench all`; edits inside are overwritten) -->";
    public const string EndMarker = "<!-- bench:results:end -->";

    public static string Command(IReadOnlyList<string> args)
        => "dotnet run -c Release --project bench/Wayfarer.Bench -- " + string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));

    public static string? FindBenchDirectory(BenchOptions options)
    {
        if (options.OutputDirectory is { } explicitDir)
        {
            return Path.GetFullPath(explicitDir);
        }

        return FindRepositoryRoot() is { } root ? Path.Combine(root, "bench") : null;
    }

    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Wayfarer.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    public static void AppendResult(string benchDirectory, VerbReport report, string command, DateTimeOffset started)
    {
        var dir = Path.Combine(benchDirectory, "results");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, report.Verb + ".md");
        var builder = new StringBuilder();
        if (!File.Exists(path))
        {
            builder.Append("# `").Append(report.Verb).AppendLine("` results").AppendLine()
                .AppendLine("Appended by every run of `Wayfarer.Bench`, newest last. See ../README.md for what is measured.").AppendLine();
        }

        builder.Append("## ").Append(started.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
            .Append(" — ").AppendLine(Machine.OneLine()).AppendLine();
        builder.Append('`').Append(command).AppendLine("`").AppendLine();
        builder.Append(report.ToMarkdown(3));
        File.AppendAllText(path, builder.ToString());
        Console.WriteLine($"appended {path}");
    }

    public static void UpdateReadme(string benchDirectory, IEnumerable<VerbReport> reports, string command, DateTimeOffset started, TimeSpan total)
    {
        var block = new StringBuilder();
        block.AppendLine(BeginMarker).AppendLine();
        block.AppendLine("## Latest results").AppendLine();
        block.Append("Measured ").Append(started.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
            .Append(" with `").Append(command).Append("` (whole run ")
            .Append(total.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)).AppendLine(" s).").AppendLine();
        block.AppendLine(Machine.Describe());
        var all = reports.ToList();
        var targets = all.SelectMany(r => r.Targets).ToList();
        if (targets.Count > 0)
        {
            block.AppendLine("### Targets").AppendLine();
            var table = new MarkdownTable("Target ", "Measured ", "Met ");
            foreach (var (target, met, measured) in targets)
            {
                table.Row(target, measured, met ? "**yes**" : "**NO**");
            }

            block.Append(table).AppendLine();
        }

        foreach (var report in all)
        {
            var copy = new VerbReport(report.Verb, report.Title);
            copy.Body.Append(report.Body);
            block.Append(copy.ToMarkdown(3));
        }

        block.AppendLine(EndMarker);

        var path = Path.Combine(benchDirectory, "README.md");
        string text;
        if (File.Exists(path) && File.ReadAllText(path) is var existing
            && existing.IndexOf(BeginMarker, StringComparison.Ordinal) is var begin and >= 0
            && existing.IndexOf(EndMarker, begin, StringComparison.Ordinal) is var end and >= 0)
        {
            text = existing[..begin] + block + existing[(end + EndMarker.Length)..].TrimStart('\r', '\n').Insert(0, Environment.NewLine);
        }
        else if (File.Exists(path))
        {
            text = File.ReadAllText(path).TrimEnd() + Environment.NewLine + Environment.NewLine + block;
        }
        else
        {
            text = "# Wayfarer benchmarks" + Environment.NewLine + Environment.NewLine
                + "Run: `dotnet run -c Release --project bench/Wayfarer.Bench -- all`" + Environment.NewLine + Environment.NewLine + block;
        }

        File.WriteAllText(path, text);
        Console.WriteLine($"updated {path}");
    }
}
