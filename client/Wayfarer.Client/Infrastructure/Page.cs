namespace Wayfarer.Client.Infrastructure;

/// <summary>One page of a cursor-paginated list.</summary>
/// <param name="Items">The items.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
