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
        var usable = identifiers.Where(i => !rules.IsBlocked(i)).ToList();
        var mergeOnly = new List<Identifier>();
        if (aliasOf is not null)
        {
            // previousId may have been a user id or an anonymous id; whichever is known merges, neither is linked anew.
            mergeOnly.AddRange(new[] { new Identifier(IdentifierTypes.UserId, aliasOf), new Identifier(IdentifierTypes.AnonymousId, aliasOf) }
                .Where(i => !rules.IsBlocked(i) && !usable.Contains(i) && graph.ProfilesOf(i).Count > 0));
        }

        var ordered = usable.Concat(mergeOnly).OrderBy(i => rules.For(i.Type).Priority).ToList();
        ProfileId? current = null;
        var pending = new List<Identifier>();
        var leftOut = new HashSet<Identifier>();
        var merges = new List<ProfileMerge>();
        var blocked = new List<(ProfileId? Profile, ProfileId Other, Identifier Via, string Reason)>();

        foreach (var identifier in ordered)
        {
            var linked = graph.ProfilesOf(identifier);
            var holders = linked.Where(p => p != current).ToList();
            if (someoneElse is not null && holders.Count > 0)
            {
                foreach (var holder in holders.ToList())
                {
                    if (someoneElse(holder, identifier) is { } reason)
                    {
                        blocked.Add((current, holder, identifier, reason));
                        holders.Remove(holder);
                    }
                }

                if (holders.Count == 0)
                {
                    continue;
                }
            }

            if (holders.Count == 0)
            {
                if (!mergeOnly.Contains(identifier) && linked.Count == 0)
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
                    blocked.AddRange(holders.Select(h => (current, h, identifier, notAKey)));
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
                    blocked.Add((current, holder, identifier, reason));
                    leftOut.Add(identifier);
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
                    merges.Add(new ProfileMerge(from, into, identifier));
                    current = into;
                }
            }
        }

        var created = current is null;
        var target = current ?? graph.Create(sequence);
        var links = new List<Identifier>();
        foreach (var identifier in ordered.Where(i => !leftOut.Contains(i) && !mergeOnly.Contains(i)))
        {
            var held = graph.IdentifiersOf(target);
            if (held.Contains(identifier))
            {
                continue;
            }

            if (rules.For(identifier.Type).MaxValuesPerProfile is { } limit && held.Count(i => i.Type == identifier.Type) >= limit)
            {
                // The profile is full for this type (a second user_id reached it through a shared value): keep it apart.
                continue;
            }

            graph.Link(identifier, target);
            links.Add(identifier);
        }

        return new Resolution
        {
            Profile = target,
            Created = created,
            Linked = links,
            Merges = merges,
            Blocked = [.. blocked.Select(b => new BlockedMerge(b.Profile ?? target, b.Other, b.Via, b.Reason))],
        };
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
