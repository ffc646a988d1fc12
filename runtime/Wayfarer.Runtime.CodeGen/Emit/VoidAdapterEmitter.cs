namespace Wayfarer.Runtime.CodeGen.Emit;

/// <summary>Writes the helpers that turn a grain method's Task or ValueTask into a <c>ValueTask&lt;VoidResult&gt;</c>.</summary>
/// <remarks>Completed calls take a fast path with no state machine. The slow path awaits with
/// <c>ConfigureAwait(true)</c>: continuations must stay on the grain's scheduler, so generated code never uses
/// <c>ConfigureAwait(false)</c>.</remarks>
internal static class VoidAdapterEmitter
{
    public static void Emit(CodeWriter writer, string awaitableType)
    {
        var result = $"{GeneratedCode.ValueTask}<{GeneratedCode.VoidResult}>";
        writer.Open($"private static {result} AwaitVoid({awaitableType} task)");
        writer.Open("if (task.IsCompletedSuccessfully)");
        if (awaitableType == GeneratedCode.ValueTask)
        {
            writer.Line("task.GetAwaiter().GetResult(); // consumes a ValueTask backed by a pooled source");
        }

        writer.Line($"return new {result}({GeneratedCode.VoidResult}.Value);");
        writer.Close();
        writer.Line();
        writer.Line("return AwaitVoidSlow(task);");
        writer.Close();
        writer.Line();
        writer.Open($"private static async {result} AwaitVoidSlow({awaitableType} task)");
        writer.Line("await task.ConfigureAwait(true);");
        writer.Line($"return {GeneratedCode.VoidResult}.Value;");
        writer.Close();
    }
}
