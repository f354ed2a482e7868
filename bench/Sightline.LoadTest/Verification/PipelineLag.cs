using System.Diagnostics;
using System.Globalization;

namespace Sightline.LoadTest.Verification;

/// <summary>
/// How far the server's profile pipeline had got when the load stopped, and how long it then took to resolve
/// everything acknowledged: ingestion is only half the story when the same process also builds profiles.
/// </summary>
internal static class PipelineLag
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    public static async Task<string> MeasureAsync(string derivedFile, long stored, CancellationToken cancellationToken)
    {
        if (!File.Exists(derivedFile))
        {
            return "no derived-state file: the server has no profile pipeline";
        }

        var atEnd = await StoredEvents.PipelineCheckpointAsync(derivedFile, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var current = atEnd;
        while (current < stored && Stopwatch.GetElapsedTime(started) < Limit)
        {
            await Task.Delay(100, cancellationToken);
            current = await StoredEvents.PipelineCheckpointAsync(derivedFile, cancellationToken);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var text = string.Create(CultureInfo.InvariantCulture, $"resolved {atEnd:N0} of {stored:N0} events when the load stopped (lag {stored - atEnd:N0}); ");
        return current >= stored
            ? text + string.Create(CultureInfo.InvariantCulture, $"caught up {seconds:0.0} s later ({(stored - atEnd) / Math.Max(seconds, 0.001):N0} events/s with no load)")
            : text + string.Create(CultureInfo.InvariantCulture, $"still {stored - current:N0} behind after {Limit.TotalSeconds:0} s");
    }
}
