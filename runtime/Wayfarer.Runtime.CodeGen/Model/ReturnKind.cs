namespace Wayfarer.Runtime.CodeGen.Model;

/// <summary>The awaitable a grain interface method returns.</summary>
internal enum ReturnKind
{
    /// <summary><c>Task</c>: the request's result is <c>VoidResult</c>.</summary>
    Task,

    /// <summary><c>Task&lt;T&gt;</c>.</summary>
    TaskOfT,

    /// <summary><c>ValueTask</c>: the request's result is <c>VoidResult</c>.</summary>
    ValueTask,

    /// <summary><c>ValueTask&lt;T&gt;</c>.</summary>
    ValueTaskOfT,
}
