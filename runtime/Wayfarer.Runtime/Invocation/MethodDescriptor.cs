using System.Collections.Concurrent;
using System.Reflection;

namespace Wayfarer.Runtime.Invocation;

/// <summary>Describes one grain interface method: its identity and the attributes that shape how calls run.</summary>
/// <remarks>Built once per method (generated code keeps it in a static field); immutable and thread-safe.</remarks>
public sealed class MethodDescriptor
{
    private static readonly ConcurrentDictionary<string, MethodDescriptor> s_byName = new(StringComparer.Ordinal);

    private MethodDescriptor(Type interfaceType, MethodInfo method)
    {
        InterfaceType = interfaceType;
        MethodInfo = method;
        Name = method.Name;
        var parameters = method.GetParameters();
        var parameterTypes = parameters.Select(p => p.ParameterType).ToArray();
        ParameterTypes = parameterTypes;
        CancellationTokenIndex = Array.FindIndex(parameterTypes, t => t == typeof(CancellationToken));
        IsAlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), true);
        IsReadOnly = method.IsDefined(typeof(ReadOnlyAttribute), true);
        IsOneWay = method.IsDefined(typeof(OneWayAttribute), true);
        ResponseTimeout = method.GetCustomAttribute<ResponseTimeoutAttribute>(true)?.Timeout;
        var signature = string.Join(",", parameterTypes.Select(TypeName));
        FullName = $"{TypeName(interfaceType)}.{method.Name}({signature})";
    }

    /// <summary>The interface that declares the method.</summary>
    public Type InterfaceType { get; }

    /// <summary>The reflected method.</summary>
    public MethodInfo MethodInfo { get; }

    /// <summary>The method name.</summary>
    public string Name { get; }

    /// <summary>A stable, unique name: interface full name, method name and parameter types. Used on the wire.</summary>
    public string FullName { get; }

    /// <summary>The declared parameter types, including a <see cref="CancellationToken"/> parameter.</summary>
    public IReadOnlyList<Type> ParameterTypes { get; }

    /// <summary>The index of the <see cref="CancellationToken"/> parameter, or -1.</summary>
    public int CancellationTokenIndex { get; }

    /// <summary>Whether the method carries <see cref="AlwaysInterleaveAttribute"/>.</summary>
    public bool IsAlwaysInterleave { get; }

    /// <summary>Whether the method carries <see cref="ReadOnlyAttribute"/>.</summary>
    public bool IsReadOnly { get; }

    /// <summary>Whether the method carries <see cref="OneWayAttribute"/>.</summary>
    public bool IsOneWay { get; }

    /// <summary>The per-method response timeout, if one is set with <see cref="ResponseTimeoutAttribute"/>.</summary>
    public TimeSpan? ResponseTimeout { get; }

    /// <summary>Creates (or returns the cached) descriptor of a method.</summary>
    /// <param name="interfaceType">The declaring interface.</param>
    /// <param name="methodName">The method name.</param>
    /// <param name="parameterTypes">The parameter types, to pick among overloads.</param>
    /// <exception cref="ArgumentException">No such method.</exception>
    public static MethodDescriptor Create(Type interfaceType, string methodName, Type[] parameterTypes)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        var method = interfaceType.GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance, parameterTypes)
            ?? throw new ArgumentException($"{interfaceType.FullName} has no method {methodName}({parameterTypes.Length} parameters).", nameof(methodName));
        var descriptor = new MethodDescriptor(interfaceType, method);
        return s_byName.GetOrAdd(descriptor.FullName, descriptor);
    }

    /// <summary>Finds a descriptor by <see cref="FullName"/>, if one was created in this process.</summary>
    public static MethodDescriptor? Find(string fullName) => s_byName.GetValueOrDefault(fullName);

    /// <inheritdoc />
    public override string ToString() => $"{InterfaceType.Name}.{Name}";

    /// <summary>A type's name without assembly versions, so it stays the same across builds: <c>Ns.List&lt;Ns.Item&gt;</c>.</summary>
    internal static string TypeName(Type type)
    {
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }

        var definition = type.GetGenericTypeDefinition().FullName ?? type.Name;
        var tick = definition.IndexOf('`', StringComparison.Ordinal);
        return (tick < 0 ? definition : definition[..tick]) + "<" + string.Join(",", type.GetGenericArguments().Select(TypeName)) + ">";
    }
}
