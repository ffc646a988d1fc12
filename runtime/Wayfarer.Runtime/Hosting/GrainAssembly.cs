using System.Reflection;

namespace Wayfarer.Runtime.Hosting;

/// <summary>An assembly whose grain classes the silo must load even if nothing else loads it.</summary>
/// <param name="Assembly">The assembly.</param>
public sealed record GrainAssembly(Assembly Assembly);
