using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Filters;

/// <summary>A grain call as a filter sees it.</summary>
public interface IGrainCallContext
{
    /// <summary>The request: method and arguments (arguments may be changed before <see cref="Invoke"/>).</summary>
    GrainRequest Request { get; }

    /// <summary>The method called.</summary>
    MethodDescriptor Method { get; }

    /// <summary>The target grain's id.</summary>
    GrainId TargetId { get; }

    /// <summary>The result after <see cref="Invoke"/>; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the call itself after the last one. May be called again to retry.</summary>
    Task Invoke();
}

/// <summary>An incoming call, seen on the target silo inside the target activation's turn.</summary>
public interface IIncomingGrainCallContext : IGrainCallContext
{
    /// <summary>The grain instance (or observer object) being called.</summary>
    object Grain { get; }
}

/// <summary>An outgoing call, seen on the caller's side before it is sent.</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext
{
    /// <summary>The reference the call was made on.</summary>
    GrainReference Reference { get; }

    /// <summary>The calling grain, or null when the caller is not a grain.</summary>
    GrainId? SourceId { get; }
}
