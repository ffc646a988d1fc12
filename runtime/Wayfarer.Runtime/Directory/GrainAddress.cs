using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Directory;

/// <summary>Where a grain's single activation lives: the grain, the silo and the activation.</summary>
/// <param name="GrainId">The grain.</param>
/// <param name="Silo">The silo hosting the activation.</param>
/// <param name="ActivationId">The activation.</param>
public sealed record GrainAddress(GrainId GrainId, SiloAddress Silo, ActivationId ActivationId);
