namespace Sightline.Core.Identity;

/// <summary>
/// Deterministic identity resolution of one message against the graph. Identifiers are taken strongest first
/// (by <see cref="IdentifierRule.Priority"/>): unknown ones will be linked; the first profile found is adopted;
/// every further profile is merged in unless a rule forbids it, in which case the identifier that would have
/// linked them is left out and the refusal is recorded. With no known identifier, a new profile is created.
/// </summary>
/// <param name="rules">The merge rules.</param>
/// <param name="separations">Pairs of profiles a person has split apart (an unmerge); they never merge again.</param>
public sealed class IdentityResolver(MergeRules rules, Func<ProfileId, ProfileId, bool>? separations = null)
{
    /// <param name="graph">The identity graph, changed in place.</param>
    /// <param name="sequence">The message's position in the log; the id of a profile it creates.</param>
    /// <param name="identifiers">The message's identifiers (see <see cref="IdentifierExtractor"/>).</param>
    /// <param name="aliasOf">For an alias call, the previousId: its profile merges into this one, under the same rules.</param>
    /// <param name="someoneElse">
    /// Why the message's person is not the one holding an identifier (a phone shared by a household, answered by the
    /// person data both carry), or null when nothing says so. Such a holder is neither joined nor merged; the value is
    /// linked to this message's profile as well, as a shared one.
    /// </param>
    public Resolution Resolve(
        IIdentityGraph graph, long sequence, IReadOnlyList<Identifier> identifiers, string? aliasOf = null, Func<ProfileId, Identifier, string?>? someoneElse = null)
    {
        // Written without LINQ: this runs for every event, and its allocations were a sixth of the pipeline's.
        var ordered = new List<Identifier>(identifiers.Count + 2);
        for (var i = 0; i < identifiers.Count; i++)
        {
            if (!rules.IsBlocked(identifiers[i]))
            {
                ordered.Add(identifiers[i]);
            }
        }

        List<Identifier>? mergeOnly = null;
        if (aliasOf is not null)
        {
            // previousId may have been a user id or an anonymous id; whichever is known merges, neither is linked anew.
            foreach (var previous in (ReadOnlySpan<Identifier>)[new(IdentifierTypes.UserId, aliasOf), new(IdentifierTypes.AnonymousId, aliasOf)])
            {
                if (!rules.IsBlocked(previous) && !ordered.Contains(previous) && graph.ProfilesOf(previous).Count > 0)
                {
                    (mergeOnly ??= []).Add(previous);
                }
            }

            ordered.AddRange(mergeOnly ?? []);
        }

        SortByPriority(ordered);
        ProfileId? current = null;
        var pending = new List<Identifier>();
        HashSet<Identifier>? leftOut = null;
        List<ProfileMerge>? merges = null;
        List<(ProfileId? Profile, ProfileId Other, Identifier Via, string Reason)>? blocked = null;
        void Block(ProfileId? profile, ProfileId other, Identifier via, string reason) => (blocked ??= []).Add((profile, other, via, reason));

        foreach (var identifier in ordered)
        {
            var linked = graph.ProfilesOf(identifier);
            if (linked.Count == 0)
            {
                // Unknown: nothing to join, merge or refuse.
                if (mergeOnly?.Contains(identifier) != true)
                {
                    pending.Add(identifier);
                }

                continue;
            }

            var holders = new List<ProfileId>(linked.Count);
            for (var l = 0; l < linked.Count; l++)
            {
                if (linked[l] != current)
                {
                    holders.Add(linked[l]);
                }
            }

            if (someoneElse is not null && holders.Count > 0)
            {
                var kept = 0;
                for (var h = 0; h < holders.Count; h++)
                {
                    var holder = holders[h];
                    if (someoneElse(holder, identifier) is { } reason)
                    {
                        Block(current, holder, identifier, reason);
                    }
                    else
                    {
                        holders[kept++] = holder;
                    }
                }

                holders.RemoveRange(kept, holders.Count - kept);

                if (holders.Count == 0)
                {
                    continue;
                }
            }

            if (holders.Count == 0)
            {
                if (linked.Count == 0 && mergeOnly?.Contains(identifier) != true)
                {
                    pending.Add(identifier);
                }

                continue;
            }

            if (rules.WhyNotMergeKey(identifier, linked.Count) is { } notAKey)
            {
                // A shared value still says who this is when nothing stronger does: the last profile it joined.
                if (current is null && pending.Count == 0)
                {
                    current = linked[^1];
                }
                else
                {
                    foreach (var holder in holders)
                    {
                        Block(current, holder, identifier, notAKey);
                    }
                }

                continue;
            }

            foreach (var holder in holders)
            {
                if (current is null && pending.Count == 0)
                {
                    // Nothing to reconcile yet: the first profile found is taken as it is (the common case).
                    current = holder;
                }
                else if (Conflict(graph, current, pending, holder) is { } reason)
                {
                    Block(current, holder, identifier, reason);
                    (leftOut ??= []).Add(identifier);
                }
                else if (current is not { } profile)
                {
                    current = holder;
                }
                else
                {
                    // The older profile survives, so ids that other systems already hold stay valid.
                    var (from, into) = profile.Value < holder.Value ? (holder, profile) : (profile, holder);
                    graph.Merge(from, into);
                    (merges ??= []).Add(new ProfileMerge(from, into, identifier));
                    current = into;
                }
            }
        }

        var created = current is null;
        var target = current ?? graph.Create(sequence);
        var links = new List<Identifier>(ordered.Count);
        foreach (var identifier in ordered)
        {
            if (leftOut?.Contains(identifier) == true || mergeOnly?.Contains(identifier) == true)
            {
                continue;
            }

            var held = graph.IdentifiersOf(target);
            if (held.Contains(identifier))
            {
                continue;
            }

            if (rules.For(identifier.Type).MaxValuesPerProfile is { } limit && CountOfType(held, identifier.Type) >= limit)
            {
                // The profile is full for this type (a second user_id reached it through a shared value): keep it apart.
                continue;
            }

            graph.Link(identifier, target);
            links.Add(identifier);
        }

        var refusals = new BlockedMerge[blocked?.Count ?? 0];
        for (var b = 0; b < refusals.Length; b++)
        {
            // A refusal made before any profile was found belongs to the profile the message ends up with.
            var (profile, other, via, reason) = blocked![b];
            refusals[b] = new BlockedMerge(profile ?? target, other, via, reason);
        }

        return new Resolution
        {
            Profile = target,
            Created = created,
            Linked = links,
            Merges = (IReadOnlyList<ProfileMerge>?)merges ?? [],
            Blocked = refusals,
        };
    }

    private static int CountOfType(IReadOnlyCollection<Identifier> held, string type)
    {
        var count = 0;
        foreach (var identifier in held)
        {
            if (identifier.Type == type)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A stable insertion sort by rule priority: messages carry a handful of identifiers.</summary>
    private void SortByPriority(List<Identifier> identifiers)
    {
        for (var i = 1; i < identifiers.Count; i++)
        {
            var item = identifiers[i];
            var priority = rules.For(item.Type).Priority;
            var j = i - 1;
            while (j >= 0 && rules.For(identifiers[j].Type).Priority > priority)
            {
                identifiers[j + 1] = identifiers[j];
                j--;
            }

            identifiers[j + 1] = item;
        }
    }

    /// <summary>Why two live profiles may not merge (a recorded split, or the identifiers they would hold together), or null.</summary>
    public string? WhyNotMerge(IIdentityGraph graph, ProfileId profile, ProfileId other) => Conflict(graph, profile, [], other);

    /// <summary>Why the profile being resolved (a live one, or identifiers yet to be linked) may not take in <paramref name="other"/>.</summary>
    private string? Conflict(IIdentityGraph graph, ProfileId? current, IReadOnlyList<Identifier> pending, ProfileId other)
    {
        if (current is { } mine && separations is not null && (separations(mine, other) || separations(other, mine)))
        {
            return $"profiles {mine} and {other} were unmerged by request";
        }

        var combined = new HashSet<Identifier>(pending);
        if (current is { } profile)
        {
            combined.UnionWith(graph.IdentifiersOf(profile));
        }

        combined.UnionWith(graph.IdentifiersOf(other));
        foreach (var group in combined.GroupBy(i => i.Type))
        {
            if (rules.For(group.Key).MaxValuesPerProfile is { } limit && group.Count() > limit)
            {
                return $"together they would hold {group.Count()} {group.Key} values ({string.Join(", ", group.Select(i => i.Value))}); the limit is {limit}";
            }
        }

        return null;
    }
}
