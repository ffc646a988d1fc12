using System.Text.Json;
using Wayfarer.Runtime.Transport;

namespace Wayfarer.Runtime.Tests.Transport;

[Trait("Category", "Unit")]
public sealed class ExceptionCodecTests
{
    [Fact]
    public void RuntimeExceptionsCrossTheWireWithTheirFacts()
    {
        var a = new GrainId("a", "1");
        var b = new GrainId("b", "2/x");

        var deadlock = Assert.IsType<DeadlockException>(RoundTrip(new DeadlockException([a, b, a])));
        var conflict = Assert.IsType<InconsistentStateException>(RoundTrip(new InconsistentStateException("stale", "3", "2") { GrainId = b, StateName = "s" }));
        var timeout = Assert.IsType<GrainCallTimeoutException>(RoundTrip(new GrainCallTimeoutException(a, "I.M", TimeSpan.FromSeconds(2))));
        var unavailable = Assert.IsType<SiloUnavailableException>(RoundTrip(new SiloUnavailableException("gone")));
        var argument = Assert.IsType<ArgumentOutOfRangeException>(RoundTrip(new ArgumentOutOfRangeException("by", "too big")));

        Assert.Equal([a, b, a], deadlock.CallChain);
        Assert.Equal((b, "s", "3", "2"), (conflict.GrainId!.Value, conflict.StateName, conflict.StoredEtag, conflict.CurrentEtag));
        Assert.Equal(TimeSpan.FromSeconds(2), timeout.Timeout);
        Assert.True(unavailable.IsTransient);
        Assert.Equal("by", argument.ParamName);
    }

    [Fact]
    public void UnknownExceptionsArriveAsRemoteGrainExceptionWithTheOriginalTypeAndMessage()
    {
        var error = Assert.IsType<RemoteGrainException>(RoundTrip(new CustomException("boom")));

        Assert.Equal(typeof(CustomException).FullName, error.OriginalType);
        Assert.Equal("boom", error.OriginalMessage);
    }

    private static Exception RoundTrip(Exception exception)
    {
        Exception thrown;
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            thrown = caught;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ExceptionCodec.Write(writer, thrown);
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return ExceptionCodec.Read(document.RootElement);
    }

    private sealed class CustomException(string message) : Exception(message)
    {
    }
}
