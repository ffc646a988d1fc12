namespace Wayfarer.Cluster.ProcessTests.Support;

/// <summary>A silo process did not start, become ready or exit as expected; the message carries its log tail.</summary>
public sealed class SiloProcessException(string message) : Exception(message);
