using Wayfarer.Runtime.Postgres;

namespace Wayfarer.Runtime.Storage.Tests.ReminderTables;

[Trait("Category", "Unit")]
public sealed class GrainHashTests
{
    [Theory]
    [InlineData("", 0x811C9DC5u)]
    [InlineData("a", 0xE40C292Cu)]
    [InlineData("foobar", 0xBF9CF968u)]
    public void HashIsTheStandardFnv1aOfTheUtf8Bytes(string text, uint expected) => Assert.Equal(expected, GrainHash.Compute(text));

    [Fact]
    public void GrainIdHashesItsTypeSlashKeyText()
    {
        var grainId = new GrainId("trip", "Zürich/東京 " + new string('x', 500));

        Assert.Equal(GrainHash.Compute("trip/Zürich/東京 " + new string('x', 500)), GrainHash.Compute(grainId));
    }

    [Fact]
    public void StoredFormPreservesUnsignedOrder()
    {
        uint[] ordered = [0, 1, 0x7FFF_FFFF, 0x8000_0000, 0x8000_0001, uint.MaxValue];

        var stored = ordered.Select(GrainHash.ToStored).ToList();

        Assert.Equal(stored.Order(), stored);
        Assert.Equal(int.MinValue, stored[0]);
        Assert.Equal(int.MaxValue, stored[^1]);
    }
}
