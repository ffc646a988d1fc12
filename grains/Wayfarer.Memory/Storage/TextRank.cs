namespace Wayfarer.Memory.Storage;

/// <summary>A full-text match: the row and its <c>ts_rank</c> scaled so the best match of the query scores 1.</summary>
/// <param name="Owner">The owner; null for the shared catalog.</param>
/// <param name="Collection">The collection.</param>
/// <param name="Id">The id.</param>
/// <param name="Rank">The scaled rank, 0–1.</param>
public readonly record struct TextRank(string? Owner, string Collection, string Id, float Rank);
