using System.Diagnostics;
using System.Globalization;
using System.Text;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Vectors;

namespace Wayfarer.Bench.Vectors;

/// <summary>Exact top-k latency, throughput and memory per vector at each size, with and without filters.</summary>
internal static class SearchBenchmark
{
    public static int Run(BenchOptions options)
    {
        var space = new EmbeddingSpace("bench-random", options.Dimension);
        var report = new StringBuilder()
            .AppendLine("## Exact search (SIMD cosine over a contiguous buffer)")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{Machine.Describe()}; dimension {options.Dimension}; k = {options.K}; seeded random unit vectors; latency is one query at a time from one client.")
            .AppendLine()
            .AppendLine("| vectors | scenario | selectivity | p50 ms | p95 ms | p99 ms | QPS |")
            .AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        var recalls = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"| vectors | int8 + exact re-rank (x8): recall@{options.K} against exact |")
            .AppendLine("| ---: | ---: |");
        var memory = new StringBuilder()
            .AppendLine("| vectors | build s | managed bytes / vector | vector + column bytes / vector |")
            .AppendLine("| ---: | ---: | ---: | ---: |");
        foreach (var size in options.Sizes)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalMemory(true);
            var build = Stopwatch.StartNew();
            var index = SyntheticCorpus.Build(size, space, seed: 42);
            build.Stop();
            var after = GC.GetTotalMemory(true);
            memory.AppendLine(CultureInfo.InvariantCulture, $"| {size:N0} | {build.Elapsed.TotalSeconds:F1} | {(after - before) / (double)size:F0} | {index.ColumnBytes / (double)size:F0} |");
            Console.WriteLine($"built {size:N0} vectors in {build.Elapsed.TotalSeconds:F1} s, {(after - before) / (double)size:F0} B/vector");

            var queries = size >= 1_000_000 ? Math.Min(options.Queries, 100) : options.Queries;
            var vectors = SyntheticCorpus.Queries(queries + 20, options.Dimension, seed: 7);
            var scenarios = new (string Name, VectorFilter? Filter, int Threads, double Selectivity, bool Exact)[]
            {
                ("exact, no filter, 1 thread", null, 1, 1.0, true),
                ("exact, no filter, 2 threads per query", null, 2, 1.0, true),
                ("exact, city", new VectorFilter { City = "city-7" }, 1, 1 / 50.0, true),
                ("exact, collection + category + date range", new VectorFilter { Collections = ["activities"], Category = "cat-4", From = SyntheticCorpus.Epoch, To = SyntheticCorpus.Epoch.AddDays(365) }, 1, 1 / 3.0 / 20 / 2, true),
                ("exact, country + metadata price=$$", new VectorFilter { Country = "C3", Metadata = new Dictionary<string, string> { ["price"] = "$$" } }, 1, 1 / 10.0 / 4, true),
                ("int8 scan + exact re-rank (x8), no filter, 1 thread", null, 1, 1.0, false),
                ("int8 scan + exact re-rank (x8), no filter, 2 threads per query", null, 2, 1.0, false),
            };
            foreach (var (name, filter, threads, selectivity, exact) in scenarios)
            {
                var latency = Latency.Measure(queries, i => index.Search(vectors[i % vectors.Length], options.K, filter, threads, exact));
                Console.WriteLine($"{size,9:N0} {name,-38} p50 {latency.P50,7:F2} p95 {latency.P95,7:F2} p99 {latency.P99,7:F2} ms  {latency.Qps,8:F0} q/s");
                report.AppendLine(CultureInfo.InvariantCulture, $"| {size:N0} | {name} | {selectivity:P1} | {latency.P50:F2} | {latency.P95:F2} | {latency.P99:F2} | {latency.Qps:F0} |");
            }

            var recall = vectors.Take(queries).Average(q =>
            {
                var truth = index.Search(q, options.K, exact: true).Select(h => h.Entry.Id).ToHashSet();
                return index.Search(q, options.K).Count(h => truth.Contains(h.Entry.Id)) / (double)options.K;
            });
            Console.WriteLine($"{size,9:N0} int8 + re-rank recall@{options.K} vs exact = {recall:F4}");
            recalls.AppendLine(CultureInfo.InvariantCulture, $"| {size:N0} | {recall:F4} |");
            var throughput = Latency.Throughput(2, queries / 2, i => index.Search(vectors[i % vectors.Length], options.K, exact: true));
            Console.WriteLine($"{size,9:N0} {"no filter, 2 concurrent clients",-38} {throughput,8:F0} q/s");
            report.AppendLine(CultureInfo.InvariantCulture, $"| {size:N0} | exact, no filter, 2 concurrent clients (throughput) | 100.0 % | | | | {throughput:F0} |");
        }

        report.AppendLine().AppendLine("### Recall of the approximate mode").AppendLine().Append(recalls);
        report.AppendLine().AppendLine("### Memory (index built with int8 codes alongside the float32 vectors)").AppendLine().Append(memory);
        Machine.Write(options.Out, report.ToString());
        return 0;
    }
}
