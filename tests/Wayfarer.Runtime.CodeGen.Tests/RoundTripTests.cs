using Wayfarer.Runtime.CodeGen.Tests.Support;
using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.CodeGen.Tests;

/// <summary>Compiles generated code to an assembly, loads it, and calls through the proxies into hand-written
/// implementations via a fake reference runtime.</summary>
[Trait("Category", "Unit")]
public sealed class RoundTripTests
{
    private const string Source = """
        namespace RoundTrip
        {
            public interface ICounterGrain : IGrainWithStringKey
            {
                Task<int> Add(int by, CancellationToken ct);
                Task Reset();
                [OneWay] Task Ping();
                ValueTask<string> Name();
                ValueTask Rename(string? name);
                [OneWay] ValueTask Fire();
                Task<string> Join(List<string> parts, string? separator);
            }

            public interface IBaseGrain : IGrainWithIntegerKey
            {
                Task<long> Echo(long value);
            }

            public interface IDerivedGrain : IBaseGrain
            {
                Task<long> Twice(long value);
            }

            public sealed class Counter : ICounterGrain
            {
                public int Total;
                public string? CurrentName = "counter";
                public int Pings;
                public CancellationToken SeenToken;

                public Task<int> Add(int by, CancellationToken ct)
                {
                    SeenToken = ct;
                    Total += by;
                    return Task.FromResult(Total);
                }

                public async Task Reset()
                {
                    await Task.Yield();
                    Total = 0;
                }

                public Task Ping()
                {
                    Pings++;
                    return Task.CompletedTask;
                }

                public ValueTask<string> Name() => new(CurrentName ?? "(none)");

                public async ValueTask Rename(string? name)
                {
                    await Task.Yield();
                    CurrentName = name;
                }

                public ValueTask Fire() => default;

                public Task<string> Join(List<string> parts, string? separator) => Task.FromResult(string.Join(separator ?? ",", parts));
            }

            public sealed class Derived : IDerivedGrain
            {
                public Task<long> Echo(long value) => Task.FromResult(value);
                public Task<long> Twice(long value) => Task.FromResult(value * 2);
            }
        }
        """;

    private static readonly Lazy<LoadedAssembly> s_assembly = new(() => LoadedAssembly.Compile(GeneratorHarness.Run(GeneratorHarness.CreateCompilation("RoundTripGrains", Source))));

    private static LoadedAssembly Loaded => s_assembly.Value;

    private static Type Counter => Loaded.Type("RoundTrip.ICounterGrain");

    private static (object Target, FakeReferenceRuntime Runtime, GrainReference Proxy) NewCounter()
    {
        var target = Loaded.Create("RoundTrip.Counter");
        var runtime = new FakeReferenceRuntime(target);
        var proxy = Loaded.Proxy("RoundTrip.ICounterGrain", runtime, new GrainId("counter", "c1"));
        return (target, runtime, proxy);
    }

    [Fact]
    public void TheRegistryHandsOutProxiesOfTheInterface()
    {
        var (_, runtime, proxy) = NewCounter();
        Assert.IsAssignableFrom(Counter, proxy);
        Assert.Equal(Counter, proxy.InterfaceType);
        Assert.Equal(new GrainId("counter", "c1"), proxy.GrainId);
        Assert.Same(runtime, proxy.Runtime);
        Assert.Equal(Counter, GrainInterfaceRegistry.FindInterface("RoundTrip.ICounterGrain"));
    }

    [Fact]
    public async Task ACallBuildsARequestWithItsArgumentsAndReturnsTheGrainsResult()
    {
        var (target, runtime, proxy) = NewCounter();
        using var callerCancellation = new CancellationTokenSource();
        using var calleeCancellation = new CancellationTokenSource();
        runtime.CalleeToken = calleeCancellation.Token;

        var result = await LoadedAssembly.AwaitResult(LoadedAssembly.Call(Counter, proxy, "Add", 5, callerCancellation.Token));

        Assert.Equal(5, result);
        var request = Assert.IsAssignableFrom<GrainRequest<int>>(Assert.Single(runtime.Requests));
        Assert.Equal(1, request.ArgumentCount);
        Assert.Equal(5, request.GetArgument(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => request.GetArgument(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => request.SetArgument(-1, 0));
        Assert.Equal("Add", request.Method.Name);
        Assert.Equal(Counter, request.Method.InterfaceType);
        Assert.Equal([typeof(int), typeof(CancellationToken)], request.Method.ParameterTypes);
        Assert.Equal(1, request.Method.CancellationTokenIndex);
        Assert.Equal(callerCancellation.Token, runtime.LastCallerToken);
        Assert.Equal(calleeCancellation.Token, (CancellationToken)target.GetType().GetField("SeenToken")!.GetValue(target)!);
        Assert.Equal([5], runtime.Copier.Copied);

        // The same request re-targeted by SetArgument invokes the grain again.
        request.SetArgument(0, 10);
        Assert.Equal(10, request.GetArgument(0));
        Assert.Equal(15, await request.InvokeAsync(target));
    }

    [Fact]
    public async Task VoidMethodsCompleteWithVoidResultOnBothPaths()
    {
        var (target, runtime, proxy) = NewCounter();
        await LoadedAssembly.AwaitResult(LoadedAssembly.Call(Counter, proxy, "Add", 3, CancellationToken.None));

        await (Task)LoadedAssembly.Call(Counter, proxy, "Reset"); // Task, completes asynchronously
        Assert.Equal(0, target.GetType().GetField("Total")!.GetValue(target));
        var reset = Assert.IsAssignableFrom<GrainRequest<VoidResult>>(runtime.Requests[^1]);
        Assert.Equal(0, reset.ArgumentCount);
        Assert.Equal(-1, reset.Method.CancellationTokenIndex);

        await (ValueTask)LoadedAssembly.Call(Counter, proxy, "Rename", "renamed"); // ValueTask, completes asynchronously
        Assert.Equal("renamed", await LoadedAssembly.AwaitResult(LoadedAssembly.Call(Counter, proxy, "Name")));
        var rename = Assert.IsAssignableFrom<GrainRequest<VoidResult>>(runtime.Requests[^2]);
        Assert.Null(await LoadedAssembly.AwaitResult(LoadedAssembly.Call(Counter, proxy, "Rename", new object?[] { null })));
        Assert.Equal(VoidResult.Value, await rename.InvokeAsync(target)); // synchronous fast path after the awaits above
    }

    [Fact]
    public async Task OneWayMethodsNeverReachTheTwoWayPath()
    {
        var (target, runtime, proxy) = NewCounter();
        var ping = (Task)LoadedAssembly.Call(Counter, proxy, "Ping");
        var fire = (ValueTask)LoadedAssembly.Call(Counter, proxy, "Fire");

        Assert.True(ping.IsCompletedSuccessfully);
        Assert.True(fire.IsCompletedSuccessfully);
        Assert.Empty(runtime.Requests);
        Assert.Equal(["Ping", "Fire"], runtime.OneWayRequests.Select(r => r.Method.Name));
        Assert.True(runtime.OneWayRequests.All(r => r.Method.IsOneWay));
        Assert.Equal(0, target.GetType().GetField("Pings")!.GetValue(target));

        await ((GrainRequest<VoidResult>)runtime.OneWayRequests[0]).InvokeAsync(target);
        Assert.Equal(1, target.GetType().GetField("Pings")!.GetValue(target));
    }

    [Fact]
    public async Task ReferenceArgumentsAreCopiedAndPassed()
    {
        var (_, runtime, proxy) = NewCounter();
        var parts = new List<string> { "a", "b" };
        Assert.Equal("a-b", await LoadedAssembly.AwaitResult(LoadedAssembly.Call(Counter, proxy, "Join", parts, "-")));
        var request = runtime.Requests.Single();
        Assert.Equal(2, request.ArgumentCount);
        Assert.Same(parts, request.GetArgument(0));
        Assert.Equal([parts, "-"], runtime.Copier.Copied);
        Assert.StartsWith("RoundTrip.ICounterGrain.Join(", request.Method.FullName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InheritedMethodsAreCalledThroughTheDerivedProxy()
    {
        var runtime = new FakeReferenceRuntime(Loaded.Create("RoundTrip.Derived"));
        var proxy = Loaded.Proxy("RoundTrip.IDerivedGrain", runtime, new GrainId("derived", "7"));
        var baseInterface = Loaded.Type("RoundTrip.IBaseGrain");

        Assert.Equal(42L, await LoadedAssembly.AwaitResult(LoadedAssembly.Call(baseInterface, proxy, "Echo", 42L)));
        Assert.Equal(84L, await LoadedAssembly.AwaitResult(LoadedAssembly.Call(Loaded.Type("RoundTrip.IDerivedGrain"), proxy, "Twice", 42L)));
        Assert.Equal(baseInterface, runtime.Requests[0].Method.InterfaceType);
        Assert.Equal(42L, runtime.Requests[0].GetArgument(0));
    }
}
