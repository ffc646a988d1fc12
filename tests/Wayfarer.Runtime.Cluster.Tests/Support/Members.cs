using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Cluster.Tests.Support;

/// <summary>Silo addresses and membership rows for tests, at a fixed time.</summary>
internal static class Members
{
    public static readonly DateTimeOffset Now = new(2031, 5, 17, 9, 30, 0, TimeSpan.Zero);

    private static long s_generation = Now.UtcTicks;

    public static SiloAddress NewSilo(string host = "10.0.0.7", int port = 11111) => new(host, port, Interlocked.Increment(ref s_generation));

    public static MembershipEntry Entry(SiloAddress silo, SiloStatus status = SiloStatus.Joining, DateTimeOffset? iAmAlive = null) => new()
    {
        Silo = silo,
        Status = status,
        SiloName = $"silo-{silo.Generation}",
        HostName = "host-a",
        StartTime = (iAmAlive ?? Now).AddMinutes(-1),
        IAmAliveTime = iAmAlive ?? Now,
    };

    public static void AssertSame(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.Silo, actual.Silo);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.Equal(expected.SuspectVotes, actual.SuspectVotes);
        Assert.Equal(expected.GrainTypes, actual.GrainTypes);
    }
}
