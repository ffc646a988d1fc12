namespace Wayfarer.Memory.Vectors;

/// <summary>Row-level filter evaluation over the integer columns.</summary>
public sealed partial class VectorIndex
{
    /// <summary>Whether an entry passes a filter.</summary>
    public bool Matches(string collection, string id, VectorFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var code = _collections.Find(collection);
        return code >= 0 && _rows.TryGetValue((code, id), out var row) && TryCompile(filter, out var plan) && plan.Matches(this, row);
    }

    private bool RowMatches(in FilterPlan plan, int row)
    {
        if ((plan.Owner != 0 && _owner[row] != plan.Owner)
            || (plan.Category != 0 && _category[row] != plan.Category)
            || (plan.Country != 0 && _country[row] != plan.Country)
            || (plan.City != 0 && _city[row] != plan.City)
            || _expires[row] <= plan.Now)
        {
            return false;
        }

        if (plan.Collections is { } collections && Array.IndexOf(collections, _collection[row]) < 0)
        {
            return false;
        }

        if (plan.HasDateRange && (_date[row] == long.MinValue || _date[row] < plan.From || _date[row] > plan.To))
        {
            return false;
        }

        if (plan.Pairs is { } wanted && !HasAll(_pairs[row], wanted))
        {
            return false;
        }

        return plan.Excluded is null || !plan.Excluded.Contains(_payload[row].Id);
    }

    private static bool HasAll(int[]? have, int[] wanted)
    {
        if (have is null)
        {
            return false;
        }

        foreach (var pair in wanted)
        {
            if (Array.BinarySearch(have, pair) < 0)
            {
                return false;
            }
        }

        return true;
    }

    internal bool RowMatchesFor(in FilterPlan plan, int row) => RowMatches(plan, row);
}
