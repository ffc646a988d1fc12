namespace Wayfarer.Planning.Catalog;

/// <summary>A range of a day in minutes since midnight, <c>Open</c> inclusive to <c>Close</c> (at most 1440).</summary>
/// <param name="Open">Opening minute.</param>
/// <param name="Close">Closing minute, after <paramref name="Open"/>.</param>
public sealed record MinuteRange(int Open, int Close)
{
    /// <summary>Length in minutes.</summary>
    public int Length => Close - Open;

    /// <summary>True when [start, end] lies inside this range.</summary>
    public bool Contains(int start, int end) => start >= Open && end <= Close;
}
