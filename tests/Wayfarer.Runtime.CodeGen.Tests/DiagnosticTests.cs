using Wayfarer.Runtime.CodeGen.Tests.Support;

namespace Wayfarer.Runtime.CodeGen.Tests;

[Trait("Category", "Unit")]
public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("WFR001", "int Count();")]
    [InlineData("WFR001", "void Fire();")]
    [InlineData("WFR001", "IAsyncEnumerable<int> Stream();")]
    [InlineData("WFR001", "Task<int>? MaybeTask();", false)]
    [InlineData("WFR002", "Task Add(ref int value);")]
    [InlineData("WFR002", "Task Add(out int value);")]
    [InlineData("WFR002", "Task Add(in int value);")]
    [InlineData("WFR002", "Task Add(ReadOnlySpan<byte> value);")]
    [InlineData("WFR002", "Task Add(CancellationToken first, CancellationToken second);")]
    [InlineData("WFR004", "Task<T> Echo<T>(T value);")]
    [InlineData("WFR005", "int Count { get; }")]
    [InlineData("WFR005", "event EventHandler Changed;")]
    [InlineData("WFR005", "string this[int index] { get; }")]
    [InlineData("WFR008", "[OneWay] Task<int> Count();")]
    [InlineData("WFR008", "[OneWay] ValueTask<int> Count();")]
    public void UnsupportedMembersAreErrorsAtTheMember(string id, string member, bool unsupported = true)
    {
        var run = GeneratorHarness.Run($$"""
            namespace Bad
            {
                public interface IBadGrain : IGrainWithStringKey
                {
                    Task Fine();
                    {{member}}
                }
            }
            """);

        if (!unsupported)
        {
            // A nullable Task<int> is still a Task<int>: supported.
            run.AssertCompilesCleanly();
            return;
        }

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var line = diagnostic.Location.GetLineSpan();
        Assert.Equal("Source0.cs", line.Path);
        Assert.Equal(11, line.StartLinePosition.Line); // 0-based: the 6-line prelude, then the member on line 5
        Assert.DoesNotContain("IBadGrain", run.AllGeneratedText, StringComparison.Ordinal);

        // Nothing is generated for the broken interface, so the compiler adds no cascade of CS0535 errors.
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void MessagesNameTheMethodAndTheProblem()
    {
        var run = GeneratorHarness.Run("""
            public interface IBadGrain : IGrainWithStringKey
            {
                int Count(ref string name);
            }
            """);

        var messages = run.GeneratorDiagnostics.Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                "WFR001: Grain interface method 'IBadGrain.Count(ref string)' returns 'int': grain and observer interface methods must return Task, Task<T>, ValueTask or ValueTask<T>",
                "WFR002: Parameter 'name' of grain interface method 'IBadGrain.Count(ref string)' is not supported: ref, out and in parameters cannot cross a grain call",
            ],
            messages);
    }

    [Theory]
    [InlineData("public interface IGeneric<T> : IGrainWithStringKey { Task<T> Get(); }")]
    [InlineData("public class Outer<T> { public interface INested : IGrainWithStringKey { Task Get(); } }")]
    public void GenericInterfacesAreErrors(string source)
    {
        var run = GeneratorHarness.Run(source);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WFR003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void AnInterfaceDerivingFromAClosedGenericBaseIsSupported()
    {
        var run = GeneratorHarness.Run("""
            public interface IGeneric<T> : IGrainWithStringKey { Task<T> Get(T? hint); }
            public interface IClosed : IGeneric<string> { }
            """);

        Assert.Equal("WFR003", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Contains("global::System.Threading.Tasks.Task<string> global::IGeneric<string>.Get(string? hint)", run.AllGeneratedText, StringComparison.Ordinal);
        Assert.Contains("MethodDescriptor.Create(typeof(global::IGeneric<string>), \"Get\", new global::System.Type[] { typeof(string) })", run.AllGeneratedText, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [InlineData("public class Outer { private interface IHidden : IGrainWithStringKey { Task Get(); } }")]
    [InlineData("public class Outer { protected interface IHidden : IGrainWithStringKey { Task Get(); } }")]
    [InlineData("file interface IHidden : IGrainWithStringKey { Task Get(); }")]
    public void InaccessibleInterfacesAreErrors(string source)
    {
        var run = GeneratorHarness.Run(source);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WFR007", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(run.GeneratedSources);
    }

    [Theory]
    [InlineData("public class Outer { private sealed class HiddenGrain : Grain, IPingGrain { public Task Ping() => Task.CompletedTask; } }", "generated code cannot name it")]
    [InlineData("public sealed class GenericGrain<T> : Grain, IPingGrain { public Task Ping() => Task.CompletedTask; }", "generic grain classes are not supported yet")]
    public void UnregistrableGrainClassesAreReportedAsInfoOnly(string grainClass, string reason)
    {
        var run = GeneratorHarness.Run("public interface IPingGrain : IGrainWithStringKey { Task Ping(); }", grainClass);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WFR006", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("GrainClassRegistry", run.AllGeneratedText, StringComparison.Ordinal);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void AProblemInABaseGrainInterfaceIsReportedOnceAndBlocksTheDerivedInterface()
    {
        var run = GeneratorHarness.Run("""
            public interface IBase : IGrainWithStringKey { int Count(); }
            public interface IDerived : IBase { Task Other(); }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WFR001", diagnostic.Id);
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void AProblemInANonGrainBaseInterfaceIsReportedAtTheGrainInterface()
    {
        var run = GeneratorHarness.Run("""
            public interface IPlain { void Dispose(); }
            public interface IGrainish : IGrainWithStringKey, IPlain { Task Other(); }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WFR001", diagnostic.Id);
        Assert.Contains("IPlain.Dispose()", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line - 6); // IGrainish's line
    }

    [Fact]
    public void UnknownTypesAreLeftToTheCompiler()
    {
        var run = GeneratorHarness.Run("public interface ITypo : IGrainWithStringKey { Task<Missing> Get(Unknown value); }");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedSources);
    }
}
