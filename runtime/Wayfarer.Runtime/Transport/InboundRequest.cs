using System.Collections.Immutable;
using Wayfarer.Runtime.Activation;

namespace Wayfarer.Runtime.Transport;

/// <summary>A request decoded from the wire, ready to be dispatched on this silo.</summary>
internal sealed class InboundRequest
{
    public required long Id { get; init; }

    public required GrainId Target { get; init; }

    public required RemoteMethod Method { get; init; }

    public required object?[] Arguments { get; init; }

    public ImmutableArray<CallChainEntry> CallChain { get; init; } = ImmutableArray<CallChainEntry>.Empty;

    public ImmutableDictionary<string, object>? RequestContext { get; init; }

    public TimeSpan Timeout { get; init; } = System.Threading.Timeout.InfiniteTimeSpan;

    public string? TraceParent { get; init; }

    public bool AllowCallChainReentrancy { get; init; }

    public bool OneWay { get; init; }

    /// <summary>How many silos already forwarded this request; bounded to stop routing loops.</summary>
    public int Hops { get; init; }

    /// <summary>The connection to answer on.</summary>
    public ClusterConnection? Connection { get; set; }
}
