using Wayfarer.Bench.Vectors;

return args switch
{
    ["search", .. var rest] => SearchBenchmark.Run(BenchOptions.Parse(rest)),
    ["quality", .. var rest] => QualityBenchmark.Run(BenchOptions.Parse(rest)),
    ["all", .. var rest] => SearchBenchmark.Run(BenchOptions.Parse(rest)) | QualityBenchmark.Run(BenchOptions.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Wayfarer.Bench.Vectors <search|quality|all> [options]
          --sizes 10000,100000,1000000   index sizes
          --dim 384                      dimension
          --queries 300                  timed queries per scenario
          --k 10                         hits per query
          --out FILE                     also write a Markdown report to FILE
        """);
    return 2;
}
