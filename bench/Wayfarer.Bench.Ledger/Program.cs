using Wayfarer.Bench.Ledger;

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: Wayfarer.Bench.Ledger [options]
          --rows 200000        ledger rows for the writer benchmark (mixed record types)
          --producers 8        concurrent producers writing rows
          --users 2000         distinct users for the charge benchmark
          --charges 20000      charges in total
          --concurrency 64     concurrent callers charging
          --pg "<conn>"        use this PostgreSQL instead of starting a durable throwaway one
          --out FILE           also append the Markdown report to FILE
        """);
    return 2;
}

await using var postgres = await DurablePostgres.StartAsync(options.Postgres);
var report = new Report(postgres.Describe());
await WriterBenchmark.RunAsync(postgres, options, report);
await ChargeBenchmark.RunAsync(postgres, options, report);
report.Print(options.Out);
return 0;
