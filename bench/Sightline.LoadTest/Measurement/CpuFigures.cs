namespace Sightline.LoadTest.Measurement;

/// <summary>Average CPU use over an interval, in cores (1.0 = one core fully busy).</summary>
/// <param name="Server">The sightline server process.</param>
/// <param name="Self">This process: the load generator, or the raw baseline.</param>
/// <param name="Kernel">Kernel threads plus interrupt and softirq time (I/O writeback, loopback TCP).</param>
/// <param name="Steal">Time the hypervisor gave to other virtual machines.</param>
/// <param name="MachineBusy">All non-idle time on the machine, the above included.</param>
/// <param name="MachineIoWait">Idle time with I/O outstanding.</param>
internal sealed record CpuFigures(double Server, double Self, double Kernel, double Steal, double MachineBusy, double MachineIoWait)
{
    /// <summary>Busy cores not accounted for above: other people's work on this shared machine.</summary>
    public double Others => Math.Max(0, MachineBusy - Server - Self - Kernel - Steal);
}
