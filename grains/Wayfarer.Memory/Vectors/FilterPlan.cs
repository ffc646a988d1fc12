namespace Wayfarer.Memory.Vectors;

/// <summary>A <see cref="VectorFilter"/> compiled to the index's integer codes. Zero codes mean "any".</summary>
internal readonly record struct FilterPlan(
    int[]? Collections,
    int Owner,
    int Category,
    int Country,
    int City,
    long From,
    long To,
    bool HasDateRange,
    long Now,
    int[]? Pairs,
    HashSet<string>? Excluded)
{
    public bool IsEmpty => Collections is null && Owner == 0 && Category == 0 && Country == 0 && City == 0
        && !HasDateRange && Now == long.MinValue && Pairs is null && Excluded is null;

    public bool Matches(VectorIndex index, int row) => index.RowMatchesFor(this, row);
}
