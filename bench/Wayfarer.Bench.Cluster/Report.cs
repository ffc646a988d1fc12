using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Wayfarer.Bench.Cluster;

/// <summary>Collects rows and prints them as Markdown with the machine and the command.</summary>
internal sealed class Report(BenchOptions options, string[] args)
{
    private readonly List<string> _calls = [];
    private readonly List<string> _failover = [];

    public void Calls(int silos, string mode, CallsBenchmark.Result result)
    {
        var row = CallsBenchmark.Row(silos, mode, result);
        _calls.Add(row);
        Console.Error.WriteLine(row);
    }

    public void Failover(FailoverBenchmark.Result r)
    {
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {r.Silos} | {r.FirstMs:N0} | {r.MedianMs:N0} | {r.AllMs:N0} | {r.FailedCalls} | {r.MaxFailedCallMs:N0} |");
        _failover.Add(row);
        Console.Error.WriteLine(row);
    }

    public void Print()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Command: `dotnet run -c Release --project bench/Wayfarer.Bench.Cluster{(args.Length > 0 ? " -- " + string.Join(' ', args) : string.Empty)}` " +
            $"({options.Callers} callers, {options.Grains} grains, warm-up {options.Warmup.TotalSeconds:0} s, window {options.Duration.TotalSeconds:0} s).");
        text.AppendLine();
        text.AppendLine("| silos | load | calls/s | p50 ms | p99 ms | p99.9 ms | max ms | errors |");
        text.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        _calls.ForEach(r => text.AppendLine(r));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Failover, {options.FailoverGrains} grains on the killed silo (ms after `kill -9`):");
        text.AppendLine();
        text.AppendLine("| silos before the kill | first grain answers | half answer | all answer | failed calls | slowest failed call ms |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        _failover.ForEach(r => text.AppendLine(r));
        Console.WriteLine(text.ToString());
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }
}
