using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Wayfarer.Bench.Ledger;

/// <summary>Collects result rows and prints them as Markdown.</summary>
internal sealed class Report(string postgres)
{
    private readonly StringBuilder _body = new();

    public static string Machine() =>
        $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
        $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB RAM";

    public void Section(string title, string text) => _body.AppendLine(CultureInfo.InvariantCulture, $"### {title}").AppendLine().AppendLine(text).AppendLine();

    public void Print(string? path)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine()}; load average before the run: {LoadAverage()}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Database: {postgres}.")
            .AppendLine()
            .Append(_body)
            .ToString();
        Console.WriteLine(text);
        if (path is not null)
        {
            File.AppendAllText(path, text);
        }
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
