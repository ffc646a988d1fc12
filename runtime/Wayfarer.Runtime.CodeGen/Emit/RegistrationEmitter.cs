using Wayfarer.Runtime.CodeGen.Model;

namespace Wayfarer.Runtime.CodeGen.Emit;

/// <summary>Writes the module initializer that registers the compilation's proxies and grain classes.</summary>
internal static class RegistrationEmitter
{
    public const string HintName = "WayfarerGeneratedRegistration.g.cs";

    public static string Emit(RegistrationModel model)
    {
        var writer = GeneratedCode.BeginFile();
        GeneratedCode.TypeAttributes(writer);
        writer.Open($"internal static class {model.ClassName}");
        writer.Directive("#pragma warning disable CA2255 // module initializers are how generated code registers itself");
        writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.Open("internal static void Register()");
        foreach (var registered in model.Interfaces)
        {
            writer.Line($"{GeneratedCode.Invocation}GrainInterfaceRegistry.Register(typeof({registered.TypeName}), static (runtime, grainId) => new global::{GeneratedCode.Namespace}.{registered.ProxyClassName}(runtime, grainId));");
        }

        foreach (var grainClass in model.GrainClasses)
        {
            writer.Line($"{GeneratedCode.Invocation}GrainClassRegistry.Register(typeof({grainClass}));");
        }

        writer.Close();
        writer.Directive("#pragma warning restore CA2255");
        writer.Close();
        return GeneratedCode.EndFile(writer);
    }
}
