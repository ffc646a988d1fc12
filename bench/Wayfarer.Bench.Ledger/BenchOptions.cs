using System.Globalization;

namespace Wayfarer.Bench.Ledger;

/// <summary>Command-line options.</summary>
internal sealed record BenchOptions(int Rows, int Producers, int Users, int Charges, int Concurrency, string? Postgres, string? Out)
{
    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions(200_000, 8, 2_000, 20_000, 64, null, null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
            {
                return null;
            }

            options = args[i] switch
            {
                "--rows" => options with { Rows = int.Parse(value, CultureInfo.InvariantCulture) },
                "--producers" => options with { Producers = int.Parse(value, CultureInfo.InvariantCulture) },
                "--users" => options with { Users = int.Parse(value, CultureInfo.InvariantCulture) },
                "--charges" => options with { Charges = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--pg" => options with { Postgres = value },
                "--out" => options with { Out = value },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }

            i++;
        }

        return options;
    }
}
