namespace Wayfarer.Runtime.Membership;

/// <summary>One silo's vote that another silo is unresponsive.</summary>
/// <param name="Voter">The silo that voted.</param>
/// <param name="At">When it voted.</param>
public sealed record SuspectVote(SiloAddress Voter, DateTimeOffset At);
