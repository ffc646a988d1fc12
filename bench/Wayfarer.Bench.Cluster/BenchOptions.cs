using System.Globalization;

namespace Wayfarer.Bench.Cluster;

/// <summary>Command-line options.</summary>
internal sealed record BenchOptions
{
    public IReadOnlyList<int> Silos { get; init; } = [1, 2, 3];

    public int Callers { get; init; } = 64;

    public int Grains { get; init; } = 1000;

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public int FailoverGrains { get; init; } = 200;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--silos" => options with { Silos = [.. value.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--callers" => options with { Callers = int.Parse(value, CultureInfo.InvariantCulture) },
                "--grains" => options with { Grains = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--failover-grains" => options with { FailoverGrains = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}; options: --silos 1,2,3 --callers 64 --grains 1000 --warmup 3 --duration 10 --failover-grains 200"),
            };
        }

        return options;
    }
}
