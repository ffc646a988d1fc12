using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Wayfarer.Runtime.Filters;
using Wayfarer.Runtime.Invocation;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Runtime.Activation;

/// <summary>What the runtime knows about one grain class: its type name, interfaces, scheduling attributes and how to
/// construct it. Built once by reflection.</summary>
internal sealed class GrainTypeInfo
{
    private readonly ConstructorInfo? _constructor;
    private readonly ParameterInfo[] _parameters = [];
    private readonly (PersistentStateAttribute Attribute, MethodInfo Create)?[] _states = [];

    public GrainTypeInfo(Type grainClass)
    {
        ClassType = grainClass;
        Name = GetTypeName(grainClass);
        Interfaces = grainClass.GetInterfaces().Where(i => typeof(IAddressable).IsAssignableFrom(i) && i != typeof(IAddressable)).ToArray();
        IsReentrant = grainClass.IsDefined(typeof(ReentrantAttribute), true);
        IsRemindable = typeof(IRemindable).IsAssignableFrom(grainClass);
        IsCallFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(grainClass);
        StatelessWorkerMax = grainClass.GetCustomAttribute<StatelessWorkerAttribute>(true)?.MaxLocalWorkers ?? 0;
        CollectionAge = grainClass.GetCustomAttribute<CollectionAgeLimitAttribute>(true)?.Amount;
        if (grainClass.GetCustomAttribute<MayInterleaveAttribute>(true) is { } mayInterleave)
        {
            var method = grainClass.GetMethod(mayInterleave.CallbackMethodName, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [typeof(GrainRequest)])
                ?? throw new InvalidOperationException($"{grainClass.Name} names [MayInterleave(\"{mayInterleave.CallbackMethodName}\")] but has no static bool {mayInterleave.CallbackMethodName}(GrainRequest).");
            MayInterleave = method.CreateDelegate<Func<GrainRequest, bool>>();
        }

        var constructors = grainClass.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        if (constructors.Length > 0)
        {
            _constructor = constructors.OrderByDescending(c => c.GetParameters().Length).First();
            _parameters = _constructor.GetParameters();
            _states = [.. _parameters.Select(p => p.GetCustomAttribute<PersistentStateAttribute>() is { } attribute
                ? ((PersistentStateAttribute, MethodInfo)?)(attribute, StateFactory(p.ParameterType))
                : null)];
        }
    }

    public Type ClassType { get; }

    public string Name { get; }

    public IReadOnlyList<Type> Interfaces { get; }

    public bool IsReentrant { get; }

    public bool IsRemindable { get; }

    public bool IsCallFilter { get; }

    /// <summary>The most local activations for a stateless worker; 0 for a regular grain.</summary>
    public int StatelessWorkerMax { get; }

    public TimeSpan? CollectionAge { get; }

    public Func<GrainRequest, bool>? MayInterleave { get; }

    public bool IsObserver => ClassType == typeof(ObserverPseudoGrain);

    /// <summary>The grain type name: <see cref="GrainTypeAttribute"/>, or the class name lower-cased without "Grain".</summary>
    public static string GetTypeName(Type grainClass)
    {
        if (grainClass == typeof(ObserverPseudoGrain))
        {
            return ObserverPseudoGrain.TypeName;
        }

        if (grainClass.GetCustomAttribute<GrainTypeAttribute>(false) is { } attribute)
        {
            if (string.IsNullOrEmpty(attribute.Name) || attribute.Name.Contains('/', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"[GrainType(\"{attribute.Name}\")] on {grainClass.FullName} must be non-empty and contain no '/'.");
            }

            return attribute.Name;
        }

        var name = grainClass.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }

    /// <summary>Constructs the grain, resolving services from <paramref name="services"/> and binding
    /// <see cref="PersistentStateAttribute"/> parameters to <paramref name="activation"/>.</summary>
    public object CreateInstance(IServiceProvider services, ActivationData activation)
    {
        if (_constructor is null)
        {
            throw new InvalidOperationException($"{ClassType.FullName} has no public constructor.");
        }

        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            if (_states[i] is { } state)
            {
                arguments[i] = state.Create.Invoke(activation, [state.Attribute.StateName, state.Attribute.StorageName]);
            }
            else
            {
                arguments[i] = services.GetService(parameter.ParameterType)
                    ?? (parameter.HasDefaultValue ? parameter.DefaultValue
                        : throw new InvalidOperationException($"Cannot activate {ClassType.Name}: no service of type {parameter.ParameterType.Name} for parameter '{parameter.Name}'."));
            }
        }

        return _constructor.Invoke(arguments);
    }

    private static MethodInfo StateFactory(Type parameterType)
    {
        if (!parameterType.IsGenericType || parameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException($"[PersistentState] parameters must be IPersistentState<T>, not {parameterType.Name}.");
        }

        return s_createState.MakeGenericMethod(parameterType.GetGenericArguments()[0]);
    }

    private static readonly MethodInfo s_createState = typeof(ActivationData).GetMethod(nameof(ActivationData.CreatePersistentState))!;
}
