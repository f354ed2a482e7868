using System.Globalization;

namespace Sightline.LoadTest.Measurement;

/// <summary>Machine-wide clock ticks (USER_HZ) from /proc; all zero where /proc is not there.</summary>
internal readonly record struct MachineTicks(long Busy, long IoWait, long Interrupts, long Steal, long Total, long KernelThreads)
{
    public static MachineTicks Read()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest is already in user).
            var f = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..9]
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var total = f.Sum();
            return new MachineTicks(total - f[3] - f[4], f[4], f[5] + f[6], f[7], total, KernelThreadTicks());
        }
        catch (IOException)
        {
            return default;
        }
    }

    /// <summary>CPU of kernel threads (children of kthreadd, pid 2): writeback, jbd2, kworkers.</summary>
    private static long KernelThreadTicks()
    {
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[1] == "2")
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return ticks;
    }
}
