using System.Globalization;

namespace Wayfarer.Bench;

/// <summary>Command-line options (plain parsing: <c>--name value</c>).</summary>
internal sealed class BenchOptions
{
    public string Verb { get; private set; } = "help";

    /// <summary>Measured time per scenario (calls, storage).</summary>
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(10);

    /// <summary>Warm-up per scenario, not measured.</summary>
    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(2);

    /// <summary>Concurrent callers of the <c>calls</c> scenarios that target a single grain.</summary>
    public int[] Callers { get; private set; } = [1, 64];

    /// <summary>Callers (one grain each) of the spread <c>calls</c> scenario; 0 skips it.</summary>
    public int Spread { get; private set; } = 64;

    /// <summary>Distinct cold grains called by <c>activations</c>.</summary>
    public int Activations { get; private set; } = 100_000;

    /// <summary>Bounded concurrency of <c>activations</c>.</summary>
    public int Concurrency { get; private set; } = 64;

    /// <summary>Also activate grains with an (in-memory) persistent state in <c>activations</c>.</summary>
    public bool StatefulActivations { get; private set; } = true;

    /// <summary>Concurrent writers of <c>storage</c>.</summary>
    public int Writers { get; private set; } = 64;

    /// <summary>Grain (= row) counts of the <c>storage</c> scenarios.</summary>
    public int[] Grains { get; private set; } = [64, 1000];

    /// <summary>Measured time of each storage scenario is split into this many raw/grain alternations.</summary>
    public int Rounds { get; private set; } = 2;

    /// <summary>An existing PostgreSQL server to use instead of starting a durable throwaway one.</summary>
    public string? PostgresConnectionString { get; private set; }

    /// <summary>Extra Npgsql connection-string keywords (e.g. <c>Max Auto Prepare=16;No Reset On Close=true</c>) applied
    /// to BOTH storage paths.</summary>
    public string? PostgresOptions { get; private set; }

    /// <summary>Where results/*.md and README.md go; default: the repository's bench/ folder.</summary>
    public string? OutputDirectory { get; private set; }

    public bool Save { get; private set; } = true;

    /// <summary>Sample allocated types during measured windows (adds a little overhead; diagnostics only).</summary>
    public bool AllocationProfile { get; private set; }

    public IReadOnlyList<string> RawArgs { get; private set; } = [];

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions { RawArgs = args };
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            options.Verb = args[0].ToLowerInvariant();
            i = 1;
        }

        for (; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--duration": options.Duration = Seconds(Value()); break;
                case "--warmup": options.Warmup = Seconds(Value()); break;
                case "--callers": options.Callers = Ints(Value()); break;
                case "--spread": options.Spread = Int(Value()); break;
                case "--activations": case "-n": options.Activations = Int(Value()); break;
                case "--concurrency": options.Concurrency = Int(Value()); break;
                case "--no-stateful": options.StatefulActivations = false; break;
                case "--writers": options.Writers = Int(Value()); break;
                case "--grains": options.Grains = Ints(Value()); break;
                case "--rounds": options.Rounds = Math.Max(1, Int(Value())); break;
                case "--pg": options.PostgresConnectionString = Value(); break;
                case "--pg-options": options.PostgresOptions = Value(); break;
                case "--out": options.OutputDirectory = Value(); break;
                case "--no-save": options.Save = false; break;
                case "--alloc-profile": options.AllocationProfile = true; break;
                case "--help": case "-h": options.Verb = "help"; break;
                default: throw new ArgumentException($"unknown option '{name}'");
            }
        }

        return options;
    }

    public const string Usage = """
        Wayfarer.Bench <verb> [options]        (dotnet run -c Release --project bench/Wayfarer.Bench -- <verb> ...)

        verbs:
          calls         in-process grain calls/s + latency: 1 and N callers on one grain, N callers on N grains
          activations   activations/s + first-call latency for N distinct cold grains, bounded concurrency
          storage       persisted writes/s through grains vs raw Npgsql upserts (durable PostgreSQL)
          all           the three with defaults; updates bench/README.md

        options:
          --duration <s>      measured seconds per scenario (default 10)
          --warmup <s>        warm-up seconds per scenario (default 2)
          --callers <a,b>     callers on a single grain (default 1,64)
          --spread <n>        callers spread over n grains, one each (default 64; 0 skips)
          --activations <n>   cold grains to activate (default 100000)
          --concurrency <n>   concurrent activators (default 64)
          --no-stateful       skip the stateful-grain activation variant
          --writers <n>       concurrent storage writers (default 64)
          --grains <a,b>      grains/rows written by the storage scenarios (default 64,1000)
          --rounds <n>        raw/grain alternations per storage scenario (default 2)
          --pg <connstr>      use this PostgreSQL instead of starting a durable throwaway server
          --pg-options <kv>   extra Npgsql keywords for both storage paths, e.g. "Max Auto Prepare=16"
          --out <dir>         write results/ and README.md under <dir> (default: the repo's bench/)
          --alloc-profile     sample allocated types in measured windows (calls, storage); diagnostics
          --no-save           print only
        """;

    private static TimeSpan Seconds(string text) => TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture));

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static int[] Ints(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Int)];
}
