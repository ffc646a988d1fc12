using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wayfarer.Runtime.Hosting;

namespace Wayfarer.Runtime.Filters;

/// <summary>Registers grain call filters. Filters run in the order they are registered.</summary>
public static class GrainCallFilterExtensions
{
    /// <summary>Adds an incoming filter resolved from the container.</summary>
    public static ISiloBuilder AddIncomingGrainCallFilter<TFilter>(this ISiloBuilder builder)
        where TFilter : class, IIncomingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TFilter>();
        builder.Services.AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<TFilter>());
        return builder;
    }

    /// <summary>Adds an incoming filter from a delegate.</summary>
    public static ISiloBuilder AddIncomingGrainCallFilter(this ISiloBuilder builder, Func<IIncomingGrainCallContext, Task> filter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IIncomingGrainCallFilter>(new DelegateIncomingFilter(filter));
        return builder;
    }

    /// <summary>Adds an outgoing filter resolved from the container.</summary>
    public static ISiloBuilder AddOutgoingGrainCallFilter<TFilter>(this ISiloBuilder builder)
        where TFilter : class, IOutgoingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TFilter>();
        builder.Services.AddSingleton<IOutgoingGrainCallFilter>(sp => sp.GetRequiredService<TFilter>());
        return builder;
    }

    /// <summary>Adds an outgoing filter from a delegate.</summary>
    public static ISiloBuilder AddOutgoingGrainCallFilter(this ISiloBuilder builder, Func<IOutgoingGrainCallContext, Task> filter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IOutgoingGrainCallFilter>(new DelegateOutgoingFilter(filter));
        return builder;
    }

    private sealed class DelegateIncomingFilter(Func<IIncomingGrainCallContext, Task> filter) : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context) => filter(context);
    }

    private sealed class DelegateOutgoingFilter(Func<IOutgoingGrainCallContext, Task> filter) : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context) => filter(context);
    }
}
