namespace Sightline.Core.Identity.Matching;

/// <summary>
/// Candidate generation: every pair of records that shares a blocking key, each pair once. A pair found by a
/// later rule is dropped when an earlier rule already produced it, which needs only the keys, not a set of pairs.
/// </summary>
internal static class CandidatePairs
{
    /// <summary>
    /// The pairs as (left &lt;&lt; 32 | right) with left &lt; right; each rule's key hash per record (0 for none, or for a
    /// block too big to compare), record by record: rule r of record i at [i * rules + r]; and how many blocks were too big.
    /// </summary>
    /// <remarks>
    /// The keys are laid out by record because they are read by pair: one record's keys share a cache line or three,
    /// where a column per rule cost a cache miss per rule for the (random) right record of every pair.
    /// </remarks>
    public static (long[] Pairs, ulong[] Keys, int SkippedBlocks) Generate(IReadOnlyList<PreparedRecord> records, IReadOnlyList<BlockingRule> rules, int maxBlockSize, CancellationToken cancellationToken)
    {
        var stride = rules.Count;
        var keys = new ulong[checked(records.Count * stride)];
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, records.Count, 4_096),
            new ParallelOptions { CancellationToken = cancellationToken },
            range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    for (var r = 0; r < stride; r++)
                    {
                        keys[(i * stride) + r] = rules[r].Key(records[i]).Hash();
                    }
                }
            });

        var blocks = new List<(int Rule, int[] Members)>();
        var skipped = 0;
        for (var r = 0; r < rules.Count; r++)
        {
            var first = blocks.Count;
            var members = Enumerable.Range(0, records.Count).Where(i => keys[(i * stride) + r] != 0).ToArray();
            var sortKeys = members.Select(i => keys[(i * stride) + r]).ToArray();
            Array.Sort(sortKeys, members);
            for (var start = 0; start < members.Length;)
            {
                var end = start + 1;
                while (end < members.Length && sortKeys[end] == sortKeys[start])
                {
                    end++;
                }

                if (end - start > maxBlockSize)
                {
                    // The block is not compared, so its key must not count as "produced earlier" for later rules.
                    skipped++;
                    foreach (var member in members.AsSpan(start, end - start))
                    {
                        keys[(member * stride) + r] = 0;
                    }
                }
                else if (end - start > 1)
                {
                    blocks.Add((r, members[start..end]));
                }

                start = end;
            }

            if (rules[r].MaxPairsPerRecord is { } budget && blocks.Skip(first).Sum(b => (long)b.Members.Length * (b.Members.Length - 1) / 2) > budget * records.Count)
            {
                blocks.RemoveRange(first, blocks.Count - first);
                for (var i = r; i < keys.Length; i += stride)
                {
                    keys[i] = 0;
                }
            }
        }

        var found = new List<long[]>();
        var gate = new object();
        Parallel.ForEach(
            blocks,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new List<long>(),
            (block, _, local) =>
            {
                var members = block.Members;
                for (var x = 0; x < members.Length; x++)
                {
                    for (var y = x + 1; y < members.Length; y++)
                    {
                        var (i, j) = members[x] < members[y] ? (members[x], members[y]) : (members[y], members[x]);
                        if (!FoundEarlier(keys.AsSpan(i * stride, stride), keys.AsSpan(j * stride, stride), block.Rule))
                        {
                            local.Add(((long)i << 32) | (uint)j);
                        }
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    found.Add([.. local]);
                }
            });

        var pairs = new long[found.Sum(f => f.Length)];
        var offset = 0;
        foreach (var part in found)
        {
            part.CopyTo(pairs, offset);
            offset += part.Length;
        }

        // Same order whatever the threads did, so results and evidence are reproducible.
        Array.Sort(pairs);
        return (pairs, keys, skipped);
    }

    private static bool FoundEarlier(ReadOnlySpan<ulong> left, ReadOnlySpan<ulong> right, int rule)
    {
        for (var r = 0; r < rule; r++)
        {
            if (left[r] != 0 && left[r] == right[r])
            {
                return true;
            }
        }

        return false;
    }
}
