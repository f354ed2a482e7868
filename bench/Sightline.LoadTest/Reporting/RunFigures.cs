using Sightline.LoadTest.Baseline;
using Sightline.LoadTest.Http;

namespace Sightline.LoadTest.Reporting;

/// <summary>Everything one repetition measured. The baselines are null when they were skipped.</summary>
internal sealed record RunFigures(int Number, int WarmupSeconds, HttpFigures Http, long Stored, RawFigures? Raw, RawFigures? RawSmall, ParserFigures? Parser)
{
    /// <summary>
    /// With no errors, the log must hold exactly the acknowledged events. A request that got no
    /// answer may or may not have committed, so then only acknowledged ≤ stored ≤ sent can be checked.
    /// </summary>
    public bool LogConsistent => Http.Errors == 0
        ? Stored == Http.Acknowledged
        : Stored >= Http.Acknowledged && Stored <= Http.Sent;

    /// <summary>HTTP events/s as a share of the raw store's events/s at the group size the server can form.</summary>
    public double? Ratio => Raw is null ? null : Http.EventsPerSecond / Raw.EventsPerSecond;
}
