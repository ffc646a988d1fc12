using System.Runtime.InteropServices;

namespace Wayfarer.Bench.Vectors;

/// <summary>Describes the machine and writes reports.</summary>
internal static class Machine
{
    public static string Describe() =>
        $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
        $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, AVX2 {System.Runtime.Intrinsics.X86.Avx2.IsSupported}, AVX-512 {System.Runtime.Intrinsics.X86.Avx512F.IsSupported}";

    public static void Write(string? path, string markdown)
    {
        if (path is null)
        {
            return;
        }

        File.AppendAllText(path, markdown + Environment.NewLine);
        Console.WriteLine($"appended the report to {path}");
    }
}
