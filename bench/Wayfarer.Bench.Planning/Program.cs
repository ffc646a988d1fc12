using System.Diagnostics;
using System.Runtime.InteropServices;
using Wayfarer.Planning;
using Wayfarer.Planning.Catalog;
using Wayfarer.Planning.Offline;

// Offline planner benchmark: a 5-day, 2-city trip (London → Paris + Rome), warm-up, then sequential plans on one
// thread (latency percentiles, plans/s) and the same work split over two threads (plans/s).
var plans = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 2000;
var load = Stopwatch.StartNew();
var data = PlanningData.Default;
load.Stop();
var planner = new OfflinePlanner(data);
var start = new DateOnly(2027, 5, 10);
var request = TripRequest.Create(["Paris", "Rome"], start, start.AddDays(4), 2, origin: "London", budget: 6000, currency: "EUR", interests: ["art", "history"]);

var first = planner.Plan(request);
if (!first.Validation.IsValid)
{
    Console.Error.WriteLine("the benchmark plan is not valid:\n" + first.Validation);
    return 1;
}

// Warm up for at least two seconds so tiered compilation has promoted the hot paths.
var warm = Stopwatch.StartNew();
var warmPlans = 0;
while (warm.Elapsed < TimeSpan.FromSeconds(2) || warmPlans < 200)
{
    planner.Plan(request);
    warmPlans++;
}

var latencies = new double[plans];
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
var total = Stopwatch.StartNew();
for (var i = 0; i < plans; i++)
{
    var t0 = Stopwatch.GetTimestamp();
    planner.Plan(request);
    latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
}

total.Stop();
var cpuPerPlan = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / plans;
var allocatedPerPlan = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / plans;
var collections = (GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3);
Array.Sort(latencies);
var singleRate = plans / total.Elapsed.TotalSeconds;

var parallel = Stopwatch.StartNew();
var workers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
{
    for (var i = 0; i < plans / 2; i++)
    {
        planner.Plan(request);
    }
})).ToArray();
Task.WaitAll(workers);
parallel.Stop();
var dualRate = (plans / 2 * 2) / parallel.Elapsed.TotalSeconds;

double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
Console.WriteLine($"Offline planner: {string.Join(" + ", request.Destinations)} from {request.Origin}, {request.Days} days, {request.Travelers} travellers");
Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical CPUs");
Console.WriteLine($"data load (first use): {load.Elapsed.TotalMilliseconds:0} ms; {data.Places.Destinations.Count} destinations, {data.Places.PlaceCount} places, {data.Geo.CityCount} cities");
Console.WriteLine($"plan: {first.Itinerary.Days.Count} days, {first.Itinerary.Days.Sum(d => d.Items.Count)} items, total {first.Budget.Total} {first.Budget.Currency}");
Console.WriteLine();
Console.WriteLine("| measure | value |");
Console.WriteLine("| --- | --- |");
Console.WriteLine($"| plans (sequential) | {plans} |");
Console.WriteLine($"| p50 latency | {P(0.50):0.000} ms |");
Console.WriteLine($"| p95 latency | {P(0.95):0.000} ms |");
Console.WriteLine($"| p99 latency | {P(0.99):0.000} ms |");
Console.WriteLine($"| max latency | {latencies[^1]:0.000} ms |");
Console.WriteLine($"| CPU time per plan (process, incl. GC) | {cpuPerPlan:0.000} ms |");
Console.WriteLine($"| allocated per plan | {allocatedPerPlan / 1024.0:0} KiB |");
Console.WriteLine($"| GCs during the run (gen0/1/2) | {collections.Item1}/{collections.Item2}/{collections.Item3} |");
Console.WriteLine($"| plans/s, 1 thread | {singleRate:0} |");
Console.WriteLine($"| plans/s, 2 threads | {dualRate:0} |");
return P(0.95) < 100 ? 0 : 2;
