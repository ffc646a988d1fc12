namespace Wayfarer.Runtime.CodeGen.Model;

/// <summary>What the compilation's module initializer registers.</summary>
/// <param name="ClassName">The registration class name.</param>
/// <param name="Interfaces">Interfaces with their proxies, ordered by name.</param>
/// <param name="GrainClasses">Grain classes, ordered by name.</param>
internal sealed record RegistrationModel(
    string ClassName,
    EquatableArray<RegisteredInterface> Interfaces,
    EquatableArray<string> GrainClasses);

/// <summary>An interface and its generated proxy class.</summary>
internal sealed record RegisteredInterface(string TypeName, string ProxyClassName);
