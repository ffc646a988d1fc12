using System.Collections.Concurrent;
using System.Reflection;
using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Transport;

/// <summary>Finds the interface method a request names on the wire (<see cref="MethodDescriptor.FullName"/>).</summary>
internal sealed class RemoteMethod
{
    private static readonly ConcurrentDictionary<string, RemoteMethod?> s_cache = new(StringComparer.Ordinal);

    private RemoteMethod(Type interfaceType, MethodInfo method)
    {
        InterfaceType = interfaceType;
        Method = method;
        ParameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();
    }

    public Type InterfaceType { get; }

    public MethodInfo Method { get; }

    public Type[] ParameterTypes { get; }

    public static RemoteMethod? Find(string interfaceName, string fullName)
        => s_cache.GetOrAdd(fullName, static (name, iface) =>
        {
            var type = GrainInterfaceRegistry.FindInterface(iface);
            if (type is null)
            {
                return null;
            }

            foreach (var method in type.GetMethods())
            {
                var signature = string.Join(",", method.GetParameters().Select(p => MethodDescriptor.TypeName(p.ParameterType)));
                if ($"{MethodDescriptor.TypeName(type)}.{method.Name}({signature})" == name)
                {
                    return new RemoteMethod(type, method);
                }
            }

            return null;
        }, interfaceName);
}
