using Microsoft.CodeAnalysis.Text;
using Wayfarer.Runtime.CodeGen.Tests.Support;

namespace Wayfarer.Runtime.CodeGen.Tests;

/// <summary>The pipeline carries equatable models, so edits that do not change a grain interface or the set of grain
/// classes leave every output cached.</summary>
[Trait("Category", "Unit")]
public sealed class IncrementalityTests
{
    private const string Interfaces = """
        public interface IFirstGrain : IGrainWithStringKey { Task<int> Get(); }
        public interface ISecondGrain : IGrainWithStringKey { Task Set(int value); }
        """;

    private const string GrainClass = """
        public sealed class FirstGrain : Grain, IFirstGrain { public Task<int> Get() => Task.FromResult(1); }
        """;

    [Fact]
    public void UnrelatedEditsReuseEveryOutput()
    {
        var (driver, compilation) = Start();

        var edited = ReplaceTree(compilation, 1, GrainClass.Replace("FromResult(1)", "FromResult(2)", StringComparison.Ordinal));
        edited = edited.AddSyntaxTrees(Parse("public class Unrelated { public int X() => 42; }", "Unrelated.cs"));
        var reasons = OutputReasons(driver.RunGenerators(edited));

        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.True(
            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"expected cached outputs, got {string.Join(", ", reasons)}"));
    }

    [Fact]
    public void ChangingOneInterfaceRegeneratesOnlyWhatDependsOnIt()
    {
        var (driver, compilation) = Start();

        var edited = ReplaceTree(compilation, 0, Interfaces.Replace("Task Set(int value);", "Task Set(long value);", StringComparison.Ordinal));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        Assert.Contains("typeof(long)", result.GeneratedSources.Single(s => s.HintName == "ISecondGrain.g.cs").SourceText.ToString(), StringComparison.Ordinal);
        var reasons = OutputReasons(driver);
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
    }

    private static (GeneratorDriver Driver, Compilation Compilation) Start()
    {
        var compilation = GeneratorHarness.CreateCompilation("Incremental", Interfaces, GrainClass);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Equal(3, driver.GetRunResult().GeneratedTrees.Length);
        return (driver, compilation);
    }

    private static Compilation ReplaceTree(Compilation compilation, int index, string source)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, Parse(source, old.FilePath));
    }

    private static SyntaxTree Parse(string source, string path)
        => CSharpSyntaxTree.ParseText(SourceText.From(GeneratorHarness.Usings + source), GeneratorHarness.ParseOptions, path);

    private static List<IncrementalStepRunReason> OutputReasons(GeneratorDriver driver)
        => driver.GetRunResult().Results.Single().TrackedOutputSteps
            .SelectMany(pair => pair.Value)
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)
            .ToList();
}
