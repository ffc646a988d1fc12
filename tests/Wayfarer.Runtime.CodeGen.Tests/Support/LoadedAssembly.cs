using System.Reflection;
using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.CodeGen.Tests.Support;

/// <summary>A generated-and-compiled assembly loaded into the test process, with helpers to call through proxies.</summary>
internal sealed class LoadedAssembly(Assembly assembly)
{
    public Assembly Assembly { get; } = assembly;

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    public object Create(string fullName) => Activator.CreateInstance(Type(fullName))!;

    /// <summary>Gets a proxy through the registry, which runs the assembly's module initializer on demand.</summary>
    public GrainReference Proxy(string interfaceName, IGrainReferenceRuntime runtime, GrainId grainId)
        => GrainInterfaceRegistry.GetFactory(Type(interfaceName))(runtime, grainId);

    /// <summary>Calls an interface method (picked by name and parameter count) on <paramref name="target"/>.</summary>
    public static object Call(Type interfaceType, object target, string method, params object?[] arguments)
    {
        var candidates = interfaceType.GetMethods().Where(m => m.Name == method && m.GetParameters().Length == arguments.Length).ToArray();
        var chosen = Assert.Single(candidates);
        return chosen.Invoke(target, arguments)!;
    }

    public static async Task<object?> AwaitResult(object awaitable)
    {
        switch (awaitable)
        {
            case Task task:
                await task;
                return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                // ValueTask<T>
                var asTask = (Task)awaitable.GetType().GetMethod("AsTask")!.Invoke(awaitable, null)!;
                return await AwaitResult(asTask);
        }
    }

    public static LoadedAssembly Compile(GeneratorRun run)
    {
        run.AssertCompilesCleanly();
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return new LoadedAssembly(Assembly.Load(image.ToArray()));
    }
}
