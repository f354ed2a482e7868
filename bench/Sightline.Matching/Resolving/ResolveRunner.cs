using System.Diagnostics;
using Sightline.Core.Identity.Matching;
using Sightline.Matching.Datasets;

namespace Sightline.Matching.Resolving;

/// <summary>Times resolutions of a data set, each after a full collection so one run's garbage is not billed to the next.</summary>
internal static class ResolveRunner
{
    public static MeasuredResolution Run(Resolver resolver, LabeledDataset data, MatchSettings settings, int repeat, CancellationToken cancellationToken)
    {
        var runs = new List<Resolution>(repeat);
        for (var i = 0; i < repeat; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            runs.Add(Once(resolver, data, settings, cancellationToken));
        }

        var stable = runs.Skip(1).All(r => SamePartition(r.Clusters, runs[0].Clusters));
        return new MeasuredResolution(resolver, runs, stable);
    }

    private static Resolution Once(Resolver resolver, LabeledDataset data, MatchSettings settings, CancellationToken cancellationToken)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        switch (resolver)
        {
            case Resolver.Matcher:
                var result = new BatchMatcher(settings).Resolve(data.Records, model: null, cancellationToken);
                clock.Stop();
                return new Resolution
                {
                    Clusters = result.Clusters,
                    Pairs = result.Pairs,
                    Comparisons = result.Comparisons,
                    Elapsed = clock.Elapsed,
                    Cpu = Cpu() - cpu,
                    Blocking = result.BlockingTime,
                    Training = result.TrainingTime,
                    Scoring = result.ScoringTime,
                    AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated,
                };
            case Resolver.ExactBaseline or Resolver.TruthAsPrediction:
                var (clusters, pairs) = resolver == Resolver.ExactBaseline ? ExactBaseline.Resolve(data.Records) : TruthAsPrediction.Resolve(data.Truth);
                clock.Stop();
                return new Resolution
                {
                    Clusters = clusters,
                    Pairs = pairs,
                    Comparisons = 0,
                    Elapsed = clock.Elapsed,
                    Cpu = Cpu() - cpu,
                    AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated,
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(resolver), resolver, null);
        }
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    // Labels may be renumbered between runs; what must not change is which records share one.
    private static bool SamePartition(int[] a, int[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var forward = new Dictionary<int, int>();
        var backward = new Dictionary<int, int>();
        for (var i = 0; i < a.Length; i++)
        {
            if ((forward.TryGetValue(a[i], out var mapped) && mapped != b[i]) || (backward.TryGetValue(b[i], out var back) && back != a[i]))
            {
                return false;
            }

            forward[a[i]] = b[i];
            backward[b[i]] = a[i];
        }

        return true;
    }
}
