using System.Collections.Immutable;

namespace Wayfarer.Runtime.CodeGen.Tests.Support;

/// <summary>The result of running the generator over a compilation.</summary>
/// <param name="Output">The compilation with the generated sources added.</param>
/// <param name="GeneratorDiagnostics">What the generator reported.</param>
/// <param name="GeneratedSources">Generated files by hint name.</param>
internal sealed record GeneratorRun(
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    IReadOnlyDictionary<string, string> GeneratedSources)
{
    /// <summary>Compiler diagnostics of the output that are warnings or errors (the repo treats warnings as errors).</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems
        => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Generator diagnostics with the given id.</summary>
    public IReadOnlyList<Diagnostic> Reported(string id) => GeneratorDiagnostics.Where(d => d.Id == id).ToList();

    /// <summary>All generated text, for substring assertions.</summary>
    public string AllGeneratedText => string.Join("\n", GeneratedSources.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value));

    /// <summary>Fails with the problems listed when the output has any warning or error.</summary>
    public void AssertCompilesCleanly()
    {
        var problems = CompilationProblems.Concat(GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)).ToList();
        Assert.True(problems.Count == 0, "Expected no warnings or errors, got:\n" + string.Join("\n", problems) + "\n\n" + AllGeneratedText);
    }
}
