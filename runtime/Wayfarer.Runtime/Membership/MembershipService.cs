using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Wayfarer.Runtime.Membership;

/// <summary>This silo's membership agent: registers the silo, heartbeats, keeps a local view of the table, probes peers,
/// votes unresponsive ones dead, and stops the silo when the cluster declares it dead.</summary>
/// <remarks>
/// Every status change is a compare-and-set on the table version, retried on conflict. Heartbeats never touch the
/// version. If the table loses this silo's row (Redis restarted empty, an operator cleaned it), the silo registers
/// again with its current status and raises <see cref="TableLost"/> so the runtime can re-register its grains.
/// </remarks>
internal sealed class MembershipService : IAsyncDisposable
{
    private readonly IMembershipTable _table;
    private readonly MembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<SiloAddress, TimeSpan, Task<bool>> _probe;
    private readonly ConcurrentDictionary<SiloAddress, int> _missedProbes = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private ImmutableDictionary<SiloAddress, MembershipEntry> _view = ImmutableDictionary<SiloAddress, MembershipEntry>.Empty;
    private MembershipEntry _self;

    public MembershipService(
        IMembershipTable table, MembershipOptions options, TimeProvider time, ILogger logger, MembershipEntry self,
        Func<SiloAddress, TimeSpan, Task<bool>> probe)
    {
        _table = table;
        _options = options;
        _time = time;
        _logger = logger;
        _self = self;
        _probe = probe;
    }

    public SiloAddress Self => _self.Silo;

    public SiloStatus Status => _self.Status;

    public string ClusterId { get; init; } = string.Empty;

    /// <summary>The latest view of the table.</summary>
    public IReadOnlyDictionary<SiloAddress, MembershipEntry> View => _view;

    /// <summary>Raised (once per silo) when a peer is seen dead or stopped.</summary>
    public event Action<SiloAddress>? SiloGone;

    /// <summary>Raised when this silo found its row missing and registered again.</summary>
    public event Action? TableLost;

    /// <summary>Raised when the cluster declared this silo dead.</summary>
    public event Action? DeclaredDead;

    /// <summary>Silos that are active now (this one included once active).</summary>
    public IReadOnlyList<MembershipEntry> ActiveSilos => [.. _view.Values.Where(e => e.Status == SiloStatus.Active)];

    /// <summary>Whether <paramref name="silo"/> is known to be gone: declared dead, stopped, or replaced by a newer
    /// incarnation on the same endpoint. A silo this view has not seen yet counts as available (it may have just joined).</summary>
    public bool IsUnavailable(SiloAddress silo)
        => _view.TryGetValue(silo, out var entry)
            ? entry.Status is SiloStatus.Dead or SiloStatus.Stopped
            : _view.Keys.Any(s => s.Host == silo.Host && s.Port == silo.Port && s.Generation > silo.Generation);

    /// <summary>Registers this silo as <see cref="SiloStatus.Joining"/> and starts the background loops.</summary>
    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        await _table.InitializeAsync(cancellationToken);
        _self = _self with { Status = SiloStatus.Joining, IAmAliveTime = _time.GetUtcNow() };
        await WriteSelfAsync(insert: true, cancellationToken);
        await RefreshAsync(cancellationToken);
        _loops.Add(Loop(_options.TableRefreshInterval, RefreshAsync));
        _loops.Add(Loop(_options.IAmAliveInterval, HeartbeatAsync));
        _loops.Add(Loop(_options.ProbeInterval, ProbeAsync));
    }

    /// <summary>Moves this silo to <paramref name="status"/> in the table.</summary>
    public async Task SetStatusAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        _self = _self with { Status = status, IAmAliveTime = _time.GetUtcNow() };
        await WriteSelfAsync(insert: false, cancellationToken);
        MembershipLog.StatusChanged(_logger, Self, ClusterId, status);
        await RefreshAsync(cancellationToken);
    }

    private async Task WriteSelfAsync(bool insert, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var data = await _table.ReadAllAsync(cancellationToken);
            var row = data.Entries.FirstOrDefault(r => r.Entry.Silo.Equals(Self));
            if (row is not null && row.Entry.Status == SiloStatus.Dead)
            {
                OnDeclaredDead();
                return;
            }

            var ok = row is null
                ? await _table.InsertRowAsync(_self, data.Version.Next(), cancellationToken)
                : await _table.UpdateRowAsync(_self with { SuspectVotes = row.Entry.SuspectVotes }, row.ETag, data.Version.Next(), cancellationToken);
            if (ok)
            {
                if (row is null && !insert)
                {
                    MembershipLog.Reregistered(_logger, _self.Status);
                }

                return;
            }

            if (attempt > 50)
            {
                throw new WayfarerException($"Could not write membership row of {Self} after {attempt} attempts (table contention).") { };
            }
        }
    }

    private Task Loop(TimeSpan interval, Func<CancellationToken, Task> body) => Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(interval, _time);
        while (await WaitAsync(timer))
        {
            try
            {
                await body(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                MembershipLog.TableError(_logger, exception, body.Method.Name);
            }
        }
    });

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private Task HeartbeatAsync(CancellationToken cancellationToken)
        => _self.Status is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown
            ? _table.UpdateIAmAliveAsync(Self, _time.GetUtcNow(), cancellationToken)
            : Task.CompletedTask;

    /// <summary>Re-reads the table, updates the view, notices departures and this silo's own fate.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var data = await _table.ReadAllAsync(cancellationToken);
        var view = data.Entries.ToImmutableDictionary(r => r.Entry.Silo, r => r.Entry);
        var previous = _view;
        _view = view;

        if (view.TryGetValue(Self, out var mine))
        {
            if (mine.Status == SiloStatus.Dead && _self.Status != SiloStatus.Dead)
            {
                OnDeclaredDead();
                return;
            }
        }
        else if (_self.Status is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown)
        {
            await WriteSelfAsync(insert: false, cancellationToken);
            _view = (await _table.ReadAllAsync(cancellationToken)).Entries.ToImmutableDictionary(r => r.Entry.Silo, r => r.Entry);
            TableLost?.Invoke();
        }

        foreach (var (silo, entry) in _view)
        {
            var wasGone = previous.TryGetValue(silo, out var before) && before.Status is SiloStatus.Dead or SiloStatus.Stopped;
            if (!silo.Equals(Self) && entry.Status is SiloStatus.Dead or SiloStatus.Stopped && !wasGone)
            {
                _missedProbes.TryRemove(silo, out _);
                SiloGone?.Invoke(silo);
            }
        }

        if (_time.GetUtcNow() - _lastCleanup > _options.DefunctSiloExpiration / 4)
        {
            _lastCleanup = _time.GetUtcNow();
            await _table.CleanupDefunctSiloEntriesAsync(_time.GetUtcNow() - _options.DefunctSiloExpiration, cancellationToken);
        }
    }

    private DateTimeOffset _lastCleanup;

    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        if (_self.Status != SiloStatus.Active)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var peers = _view.Values
            .Where(e => !e.Silo.Equals(Self) && e.Status is SiloStatus.Active or SiloStatus.Joining or SiloStatus.ShuttingDown)
            .OrderBy(e => HashCode.Combine(e.Silo, Self))
            .Take(_options.NumProbedSilos)
            .ToList();
        await Task.WhenAll(peers.Select(async peer =>
        {
            var stale = peer.Status == SiloStatus.Active && now - peer.IAmAliveTime > _options.MaxHeartbeatAge;
            var answered = await _probe(peer.Silo, _options.ProbeTimeout);
            var missed = answered ? 0 : _missedProbes.AddOrUpdate(peer.Silo, 1, (_, n) => n + 1);
            if (answered)
            {
                _missedProbes.TryRemove(peer.Silo, out _);
            }

            if (stale || missed >= _options.MissedProbesLimit)
            {
                await VoteAsync(peer.Silo, cancellationToken);
            }
        }));
    }

    /// <summary>Adds this silo's vote that <paramref name="target"/> is dead, declaring it dead when enough fresh votes exist.</summary>
    public async Task VoteAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var data = await _table.ReadAllAsync(cancellationToken);
            var row = data.Entries.FirstOrDefault(r => r.Entry.Silo.Equals(target));
            if (row is null || row.Entry.Status is SiloStatus.Dead or SiloStatus.Stopped)
            {
                return;
            }

            var now = _time.GetUtcNow();
            var votes = row.Entry.SuspectVotes
                .Where(v => now - v.At < _options.DeathVoteExpiration && !v.Voter.Equals(Self))
                .Append(new SuspectVote(Self, now))
                .ToList();
            var others = data.Entries.Count(r => r.Entry.Status == SiloStatus.Active && !r.Entry.Silo.Equals(target));
            var needed = Math.Max(1, Math.Min(_options.NumVotesForDeathDeclaration, (others + 1) / 2));
            var dead = votes.Count >= needed;
            var updated = row.Entry with { SuspectVotes = votes, Status = dead ? SiloStatus.Dead : row.Entry.Status };
            if (await _table.UpdateRowAsync(updated, row.ETag, data.Version.Next(), cancellationToken))
            {
                if (dead)
                {
                    MembershipLog.DeclaredDead(_logger, target);
                    await RefreshAsync(cancellationToken);
                }
                else
                {
                    MembershipLog.Voted(_logger, target, votes.Count, needed);
                }

                return;
            }
        }
    }

    private void OnDeclaredDead()
    {
        _self = _self with { Status = SiloStatus.Dead };
        MembershipLog.SelfDead(_logger, Self);
        DeclaredDead?.Invoke();
    }

    /// <summary>Leaves the table (<see cref="SiloStatus.Stopped"/>) and stops the loops.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        if (_self.Status != SiloStatus.Dead)
        {
            try
            {
                await SetStatusAsync(SiloStatus.Stopped, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                MembershipLog.TableError(_logger, exception, nameof(LeaveAsync));
            }
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops);
    }
}
