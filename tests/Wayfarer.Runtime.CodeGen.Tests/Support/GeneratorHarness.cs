using Microsoft.CodeAnalysis.Text;

namespace Wayfarer.Runtime.CodeGen.Tests.Support;

/// <summary>Compiles source strings against Wayfarer.Runtime with the grain generator, the way the repo builds:
/// nullable enabled and every warning wave on.</summary>
internal static class GeneratorHarness
{
    /// <summary>Prepended to every test source. CS1591 is off in test sources only: generated files must not raise it.</summary>
    public const string Usings = """
        #pragma warning disable CS1591
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Wayfarer.Runtime;

        """;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(string assemblyName, params string[] sources)
        => CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(SourceText.From(Usings + source), ParseOptions, path: $"Source{i}.cs")),
            References.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999));

    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            [new GrainInterfaceGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(CreateCompilation("TestGrains", sources));

    public static GeneratorRun Run(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var generated = driver.GetRunResult().Results
            .SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return new GeneratorRun(output, diagnostics, generated);
    }
}
