using System.Diagnostics;
using Wayfarer.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.Verb is not ("calls" or "activations" or "storage" or "all"))
{
    Console.WriteLine(BenchOptions.Usage);
    return options.Verb == "help" ? 0 : 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // let the run unwind and stop the PostgreSQL it started
    cancellation.Cancel();
};

if (!Machine.IsOptimized())
{
    Console.Error.WriteLine("warning: not an optimized build; run with -c Release");
}

var started = DateTimeOffset.UtcNow;
Machine.LoadAtStart = Machine.LoadAverage();
var clock = Stopwatch.StartNew();
var command = ResultsWriter.Command(args);
var benchDirectory = options.Save ? ResultsWriter.FindBenchDirectory(options) : null;
var reports = new List<VerbReport>();
Console.WriteLine($"Wayfarer.Bench {options.Verb} — {Machine.OneLine()}");

try
{
    var verbs = options.Verb == "all" ? ["calls", "activations", "storage"] : new[] { options.Verb };
    foreach (var verb in verbs)
    {
        var report = verb switch
        {
            "calls" => await CallsBenchmark.RunAsync(options, cancellation.Token),
            "activations" => await ActivationsBenchmark.RunAsync(options, cancellation.Token),
            _ => await StorageBenchmark.RunAsync(options, cancellation.Token),
        };
        reports.Add(report);
        Console.WriteLine();
        Console.WriteLine(report.ToMarkdown(2));
        if (benchDirectory is not null)
        {
            ResultsWriter.AppendResult(benchDirectory, report, command, started);
        }
    }
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}

clock.Stop();
if (options.Verb == "all" && benchDirectory is not null)
{
    ResultsWriter.UpdateReadme(benchDirectory, reports, command, started, clock.Elapsed);
}

var missed = reports.SelectMany(r => r.Targets).Where(t => !t.Met).ToList();
Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s; targets met: {reports.Sum(r => r.Targets.Count) - missed.Count}/{reports.Sum(r => r.Targets.Count)}");
foreach (var (target, _, measured) in missed)
{
    Console.WriteLine($"  MISSED: {target}: {measured}");
}

return 0;
