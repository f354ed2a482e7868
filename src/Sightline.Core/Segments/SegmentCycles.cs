namespace Sightline.Core.Segments;

/// <summary>
/// Finds segments that refer to themselves through <c>in segment</c>, directly or through others: their membership
/// would have no defined value, so such definitions are refused.
/// </summary>
public static class SegmentCycles
{
    /// <summary>
    /// The cycles among <paramref name="definitions"/> (segment name → expression), each as the names along it with
    /// the first repeated at the end (<c>a, b, a</c>). References to segments not in the set are ignored.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyDictionary<string, SegmentExpression> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var references = definitions.ToDictionary(d => d.Key, d => (IReadOnlyList<string>)SegmentDependencies.Of(d.Value).Segments, StringComparer.Ordinal);
        return Find(references);
    }

    /// <summary>The cycles in a graph of segment name → names of the segments it refers to.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyDictionary<string, IReadOnlyList<string>> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var cycles = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in references.Keys.Order(StringComparer.Ordinal))
        {
            if (done.Contains(start))
            {
                continue;
            }

            // Iterative depth-first search: a path of (segment, index of the next reference to follow).
            var path = new List<(string Name, int Next)> { (start, 0) };
            var onPath = new HashSet<string>(StringComparer.Ordinal) { start };
            while (path.Count > 0)
            {
                var (name, next) = path[^1];
                var targets = references.TryGetValue(name, out var found) ? found : [];
                if (next >= targets.Count)
                {
                    path.RemoveAt(path.Count - 1);
                    onPath.Remove(name);
                    done.Add(name);
                    continue;
                }

                path[^1] = (name, next + 1);
                var target = targets[next];
                if (onPath.Contains(target))
                {
                    var from = path.FindIndex(p => p.Name == target);
                    var cycle = path.Skip(from).Select(p => p.Name).Append(target).ToArray();
                    if (seen.Add(Key(cycle)))
                    {
                        cycles.Add(cycle);
                    }
                }
                else if (!done.Contains(target) && references.ContainsKey(target))
                {
                    path.Add((target, 0));
                    onPath.Add(target);
                }
            }
        }

        return cycles;
    }

    /// <summary>
    /// The shortest chain of references from <paramref name="from"/> to <paramref name="to"/> (both included), or null
    /// when <paramref name="from"/> does not lead there.
    /// </summary>
    internal static IReadOnlyList<string>? Path(string from, string to, IReadOnlyDictionary<string, IReadOnlyList<string>> references)
    {
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal) { [from] = null };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            if (name == to)
            {
                var chain = new List<string>();
                for (string? at = name; at is not null; at = previous[at])
                {
                    chain.Add(at);
                }

                chain.Reverse();
                return chain;
            }

            foreach (var target in references.TryGetValue(name, out var found) ? found : [])
            {
                if (previous.TryAdd(target, name))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return null;
    }

    // The same cycle found from another of its members is one cycle: key it by its smallest rotation.
    private static string Key(string[] cycle)
    {
        var members = cycle[..^1];
        var smallest = Enumerable.Range(0, members.Length)
            .Select(i => string.Join('\u0000', members[i..].Concat(members[..i])))
            .Min(StringComparer.Ordinal);
        return smallest!;
    }
}
