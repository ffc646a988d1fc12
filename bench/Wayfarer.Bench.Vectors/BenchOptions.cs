using System.Globalization;

namespace Wayfarer.Bench.Vectors;

/// <summary>Command-line options.</summary>
internal sealed record BenchOptions(int[] Sizes, int Dimension, int Queries, int K, string? Out)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions([10_000, 100_000, 1_000_000], 384, 300, 10, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = [.. args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--dim" => options with { Dimension = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--queries" => options with { Queries = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--k" => options with { K = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--out" => options with { Out = args[i + 1] },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }
}
