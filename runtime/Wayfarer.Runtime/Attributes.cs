namespace Wayfarer.Runtime;

/// <summary>Names a grain class's grain type (the first part of its <see cref="GrainId"/> and of its storage key).</summary>
/// <remarks>Without it the name is the class name, lower-cased, with a trailing "Grain" removed.
/// Renaming the class then changes the storage key, so production grains should name their type.</remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The grain type name; must not contain '/'.</summary>
    public string Name { get; } = name;
}

/// <summary>The grain's requests may interleave at await points. Turns still never run in parallel.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReentrantAttribute : Attribute
{
}

/// <summary>This interface method may interleave with any other request on the grain.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute
{
}

/// <summary>This interface method does not change state: it may interleave with other <c>[ReadOnly]</c> requests.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute
{
}

/// <summary>This interface method is fire-and-forget: the caller gets a completed task at once and never sees the
/// result or an exception. Its return type must be <see cref="Task"/> or <see cref="ValueTask"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute
{
}

/// <summary>Names a static predicate <c>bool Name(IInvokable request)</c> on the grain class: requests for which it
/// returns true may interleave with any running request.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MayInterleaveAttribute(string callbackMethodName) : Attribute
{
    /// <summary>The name of a public or non-public static method <c>bool (Invocation.GrainRequest)</c> on the grain class.</summary>
    public string CallbackMethodName { get; } = callbackMethodName;
}

/// <summary>Overrides the response timeout for calls to this interface method.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ResponseTimeoutAttribute(string timeout) : Attribute
{
    /// <summary>The timeout.</summary>
    public TimeSpan Timeout { get; } = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The grain is a stateless worker: calls go to one of up to <see cref="MaxLocalWorkers"/> local activations,
/// which are never registered in the grain directory.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StatelessWorkerAttribute(int maxLocalWorkers = 0) : Attribute
{
    /// <summary>The most activations per silo.</summary>
    /// <value>0 (the default) means the number of processors.</value>
    public int MaxLocalWorkers { get; } = maxLocalWorkers > 0 ? maxLocalWorkers : Environment.ProcessorCount;
}

/// <summary>Overrides the idle time after which an activation of this grain class is collected.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    /// <summary>Days of idleness.</summary>
    public double Days { get; init; }

    /// <summary>Hours of idleness.</summary>
    public double Hours { get; init; }

    /// <summary>Minutes of idleness.</summary>
    public double Minutes { get; init; }

    /// <summary>Seconds of idleness.</summary>
    public double Seconds { get; init; }

    /// <summary>The total limit.</summary>
    public TimeSpan Amount => TimeSpan.FromDays(Days) + TimeSpan.FromHours(Hours) + TimeSpan.FromMinutes(Minutes) + TimeSpan.FromSeconds(Seconds);
}

/// <summary>Instances of the type never change after construction: in-process calls pass them without copying.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class ImmutableAttribute : Attribute
{
}
