using System.Diagnostics;

namespace Sightline.LoadTest.Measurement;

/// <summary>
/// CPU counters at one instant: the server process, this process (the load generator or the raw
/// baseline), and the whole machine from /proc, split so that what is left is other people's work:
/// kernel threads (writeback, journal) and interrupts work for whoever does I/O or loopback TCP.
/// </summary>
internal readonly record struct CpuSnapshot(long Timestamp, TimeSpan Server, TimeSpan Self, MachineTicks Machine)
{
    public static CpuSnapshot Take(Func<TimeSpan>? server)
    {
        var machine = MachineTicks.Read();
        using var self = Process.GetCurrentProcess();
        return new CpuSnapshot(Stopwatch.GetTimestamp(), server?.Invoke() ?? TimeSpan.Zero, self.TotalProcessorTime, machine);
    }

    /// <summary>Average cores used between two snapshots.</summary>
    public static CpuFigures Between(CpuSnapshot start, CpuSnapshot end)
    {
        var seconds = Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp).TotalSeconds;
        var total = Math.Max(1, end.Machine.Total - start.Machine.Total);
        double Cores(long ticks) => Environment.ProcessorCount * (double)ticks / total;
        return new CpuFigures(
            Server: (end.Server - start.Server).TotalSeconds / seconds,
            Self: (end.Self - start.Self).TotalSeconds / seconds,
            Kernel: Cores(end.Machine.KernelThreads - start.Machine.KernelThreads + end.Machine.Interrupts - start.Machine.Interrupts),
            Steal: Cores(end.Machine.Steal - start.Machine.Steal),
            MachineBusy: Cores(end.Machine.Busy - start.Machine.Busy),
            MachineIoWait: Cores(end.Machine.IoWait - start.Machine.IoWait));
    }
}
