using Wayfarer.Memory.Vectors;

namespace Wayfarer.Memory.Tests.Vectors;

[Trait("Category", "Unit")]
public sealed class DiversifierTests
{
    private static readonly float[] X = [1, 0];
    private static readonly float[] Y = [0, 1];

    [Fact]
    public void ZeroDiversityKeepsTheScoreOrder()
    {
        Assert.Equal([0, 1, 2], Diversifier.Select([0.9f, 0.8f, 0.5f], [X, X, Y], 3, 0f));
    }

    [Fact]
    public void DiversityLetsADifferentAspectOvertakeANearDuplicate()
    {
        Assert.Equal([0, 2, 1], Diversifier.Select([0.9f, 0.8f, 0.5f], [X, X, Y], 3, 0.5f));
    }

    [Fact]
    public void NoMoreThanKOrTheCandidatesArePicked()
    {
        Assert.Equal(2, Diversifier.Select([0.9f, 0.8f, 0.5f], [X, X, Y], 2, 0.3f).Count);
        Assert.Single(Diversifier.Select([0.9f], [X], 5, 0.3f));
    }
}
