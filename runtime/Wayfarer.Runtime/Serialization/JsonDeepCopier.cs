using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Serialization;

/// <summary>Copies call arguments and results by a JSON round trip, skipping values whose type cannot change.</summary>
/// <remarks>A type counts as immutable when it is a primitive, string, enum, decimal, Guid, date/time type, Uri, grain id,
/// grain reference, <see cref="Immutable{T}"/>, marked <see cref="ImmutableAttribute"/>, or a sealed type (or struct) whose
/// instance fields are all read-only and of immutable types. Thread-safe.</remarks>
internal sealed class JsonDeepCopier(JsonSerializerOptions options) : IDeepCopier
{
    private static readonly ConcurrentDictionary<Type, bool> s_immutable = new();

    // Runtime types that serialize but cannot be read back (compiler-made collections such as the type of a collection
    // expression assigned to IReadOnlyList<T>): their copies are read as the declared type instead.
    private static readonly ConcurrentDictionary<Type, bool> s_unreadable = new();

    public T Copy<T>(T value)
    {
        if (value is null || ImmutableType<T>.Value)
        {
            return value;
        }

        var runtimeType = value.GetType();
        if (runtimeType != typeof(T) && IsImmutable(runtimeType))
        {
            return value;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, runtimeType, options);
        if (runtimeType != typeof(T) && s_unreadable.ContainsKey(runtimeType))
        {
            return (T)JsonSerializer.Deserialize(bytes, typeof(T), options)!;
        }

        try
        {
            return (T)JsonSerializer.Deserialize(bytes, runtimeType, options)!;
        }
        catch (NotSupportedException) when (runtimeType != typeof(T))
        {
            s_unreadable[runtimeType] = true;
            return (T)JsonSerializer.Deserialize(bytes, typeof(T), options)!;
        }
    }

    public static bool IsImmutable(Type type) => s_immutable.GetOrAdd(type, static t => Compute(t, []));

    private static bool Compute(Type type, HashSet<Type> visiting)
    {
        if (type.IsPrimitive || type.IsEnum || type.IsPointer
            || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(DateOnly) || type == typeof(TimeOnly)
            || type == typeof(Uri) || type == typeof(Version) || type == typeof(GrainId) || type == typeof(ActivationId)
            || type == typeof(CancellationToken) || typeof(IAddressable).IsAssignableFrom(type) || typeof(Type).IsAssignableFrom(type))
        {
            return true;
        }

        if (type.IsDefined(typeof(ImmutableAttribute), false)
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Immutable<>)))
        {
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Compute(underlying, visiting);
        }

        if (type.IsArray || type.IsInterface || type.IsAbstract || (!type.IsValueType && !type.IsSealed) || !visiting.Add(type))
        {
            return false;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (!field.IsInitOnly || !Compute(field.FieldType, visiting))
            {
                return false;
            }
        }

        return true;
    }

    private static class ImmutableType<T>
    {
        public static readonly bool Value = IsImmutable(typeof(T)) && (typeof(T).IsValueType || typeof(T).IsSealed || typeof(IAddressable).IsAssignableFrom(typeof(T)));
    }
}
