using System.Text.Json;
using Wayfarer.Runtime.Serialization;

namespace Wayfarer.Runtime.Tests.Serialization;

[Trait("Category", "Unit")]
public sealed class JsonDeepCopierTests
{
    private static readonly JsonDeepCopier Copier = new(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public void ACollectionExpressionPassedAsAnInterfaceIsCopiedAsTheDeclaredType()
    {
        IReadOnlyList<string> interests = [.. new[] { "art", "food" }.Where(_ => true)];

        var copy = Copier.Copy(interests);
        var again = Copier.Copy(interests);

        Assert.Equal(["art", "food"], copy);
        Assert.NotSame(interests, copy);
        Assert.Equal(["art", "food"], again);
    }

    [Fact]
    public void AMutableValueIsCopiedAsItsRuntimeType()
    {
        IList<int> numbers = new List<int> { 1, 2 };

        var copy = Copier.Copy(numbers);
        numbers.Add(3);

        Assert.IsType<List<int>>(copy);
        Assert.Equal([1, 2], copy);
    }
}
