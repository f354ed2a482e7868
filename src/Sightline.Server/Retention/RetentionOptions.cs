using System.ComponentModel.DataAnnotations;
using Sightline.Core.Retention;

namespace Sightline.Server.Retention;

/// <summary><c>Sightline:Retention</c>: how long events are kept, and how often the pass that deletes the expired ones runs.</summary>
public sealed class RetentionOptions
{
    /// <summary>The rules; none (the default) deletes nothing.</summary>
    public RetentionRuleOptions[] Rules { get; set; } = [];

    /// <summary>Time between two scheduled passes (<c>1h</c>, <c>30m</c>, <c>1d</c>); the first runs a minute after start.</summary>
    public string Interval { get; set; } = "1h";

    /// <summary>Events looked at per batch: one transaction, between two batches of the pipeline.</summary>
    [Range(100, 1_000_000)]
    public int BatchSize { get; set; } = 5_000;

    /// <summary>The rules in force; call only after validation (<see cref="RetentionValidation"/>).</summary>
    public RetentionPolicy Policy() =>
        new([.. Rules.Select(r => RetentionRule.Parse(r.Source, r.Types, r.Event, r.MaxAge).Rule ?? throw new InvalidOperationException("invalid retention rule"))]);

    /// <summary>The interval as a time span; call only after validation.</summary>
    public TimeSpan Every() => Ages.Parse(Interval) ?? throw new InvalidOperationException("invalid retention interval");
}
