namespace Wayfarer.Runtime.CodeGen.Tests;

/// <summary>Source text shared by the tests.</summary>
internal static class Samples
{
    /// <summary>A representative set: every return kind, CancellationToken anywhere, [OneWay], overloads, inherited and
    /// cross-assembly base interfaces, an observer, nullable and awkward parameter types, keyword names, names that
    /// clash with GrainReference members, nested and underscored names, and grain classes.</summary>
    public const string Representative = """
        namespace Sample.Grains
        {
            public interface ICounterGrain : IGrainWithStringKey
            {
                Task<int> Add(int by, CancellationToken ct);
                Task<long> Add(long by);
                Task Reset();
                [OneWay] Task Ping();
                ValueTask<string> Name();
                ValueTask Touch(string? note, List<string?> tags);
                [OneWay] ValueTask Fire(int times);
                Task<string?> Describe(CancellationToken cancellationToken, int depth);
                [ReadOnly, AlwaysInterleave] Task<Dictionary<string, int?>> Snapshot(params string[] keys);
            }

            public interface IBaseGrain : IGrainWithGuidKey
            {
                Task<Guid> Id();
                Task Same();
            }

            public interface IOtherBase : IGrain
            {
                Task Same();
            }

            public interface IDerivedGrain : IBaseGrain, IOtherBase
            {
                new Task<Guid> Id();
                Task<int> Extra(int[][,] arrays, (int Count, string? Name) tuple, int? maybe, dynamic anything, object? boxed);
            }

            public interface IRemindableCounter : IGrainWithIntegerKey, Wayfarer.Runtime.Reminders.IRemindable
            {
                Task<int> Get();
            }

            public interface IChatObserver : IGrainObserver
            {
                Task Receive(string message);
                [OneWay] Task Notify(string message, CancellationToken cancellationToken);
            }

            public interface IKeywords : IGrainWithIntegerKey
            {
                Task @class(int @event, string request, string? request_);
                Task InvokeAsync();
                Task InvokeOneWay(int runtime);
                Task<string> ToString(int grainId);
                Task<bool> Equals(string other);
                ValueTask<Type> GetHashCode(Type target);
            }

            public static class Outer
            {
                public interface INested : IGrainWithIntegerCompoundKey
                {
                    Task Go();
                }

                internal interface IInternalNested : IGrainWithGuidCompoundKey
                {
                    Task<int> Go(int x);
                }
            }

            public interface I_Under_Score : IGrainWithStringKey
            {
                Task Do_It();
            }

            [Obsolete("kept for old callers")]
            public interface IObsoleteGrain : IGrainWithStringKey
            {
                Task Old();
            }

            public interface IWithDefault : IGrainWithStringKey
            {
                Task<int> Twice(int x);
                Task<int> Quad(int x) => Twice(x * 2);
                static int Helper() => 1;
            }

            public interface IPingGrain : IGrainWithStringKey
            {
                Task Ping();
            }

            public partial interface IPartialGrain
            {
                Task A();
            }

            public partial interface IPartialGrain : IGrainWithStringKey
            {
                Task B();
            }

            public partial interface IPartialGrain : IGrainWithStringKey
            {
                Task C();
            }

            public interface IPlainInterface
            {
                int NotAGrain { get; }
            }

            public sealed class PingGrain : Grain, IPingGrain
            {
                public Task Ping() => Task.CompletedTask;
            }

            internal sealed class StateGrain : Grain<int>, IPingGrain
            {
                public Task Ping() => WriteStateAsync();
            }

            public abstract class PingGrainBase : Grain, IPingGrain
            {
                public abstract Task Ping();
            }

            internal partial class DerivedPingGrain
            {
                public override Task Ping() => Task.CompletedTask;
            }

            internal partial class DerivedPingGrain : PingGrainBase
            {
            }

            internal partial class DerivedPingGrain : IPingGrain
            {
            }

            public static class Holder
            {
                internal sealed class NestedGrain : Grain, IPingGrain
                {
                    public Task Ping() => Task.CompletedTask;
                }
            }

            public sealed class NotAGrain : IPingGrain
            {
                public Task Ping() => Task.CompletedTask;
            }

            public sealed class MarkerOnlyGrain : Grain, IGrainWithStringKey
            {
            }
        }

        public interface IGlobalNamespaceGrain : IGrainWithStringKey
        {
            Task<int> Value();
        }
        """;
}
