namespace Wayfarer.Runtime;

/// <summary>Identifies one activation (one in-memory incarnation) of a grain.</summary>
/// <param name="Value">A value unique for the life of the cluster.</param>
public readonly record struct ActivationId(Guid Value)
{
    /// <summary>Creates a new, unique activation id.</summary>
    public static ActivationId NewId() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("N");
}
