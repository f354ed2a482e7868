namespace Sightline.LoadTest.Baseline;

/// <summary>The parser alone on one thread: wall-clock rate, and CPU time per event (which other load does not inflate).</summary>
internal sealed record ParserFigures(double EventsPerSecond, double CpuMicrosecondsPerEvent);
