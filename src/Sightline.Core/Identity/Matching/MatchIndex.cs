namespace Sightline.Core.Identity.Matching;

/// <summary>
/// The person data of every profile that has some, indexed by the blocking keys, so that a profile which just
/// changed is compared with its few candidates rather than with everyone: the real-time side of the matcher.
/// Not thread-safe: the pipeline is its only user.
/// </summary>
public sealed class MatchIndex
{
    private readonly MatchSettings _settings;
    private readonly PairScorer _scorer;
    private readonly IReadOnlyList<BlockingRule> _rules = BlockingRule.Standard;
    private readonly Dictionary<ProfileId, (PersonRecord Record, PreparedRecord Prepared, ulong[] Keys)> _profiles = [];
    private readonly Dictionary<ulong, Block> _blocks = [];
    private readonly TermFrequencies _frequencies = new(Comparisons.Standard);
    private readonly long _modelRecords;

    /// <summary>The most candidates one change yields (merged or suggested), likeliest first.</summary>
    private const int MaxCandidates = 5;

    public MatchIndex(MatchModel model, MatchSettings settings)
    {
        _settings = settings;
        _scorer = new PairScorer(model, Comparisons.Standard);
        _modelRecords = model.Records;
    }

    /// <summary>
    /// The model's prior fits the number of records it was estimated on; with more profiles than that, any two are
    /// less likely to be one person (each has about as many duplicates, among more strangers), so the prior shrinks.
    /// It never grows: a small database does not make a match likelier.
    /// </summary>
    private double PriorShift => _modelRecords > 0 && _profiles.Count > _modelRecords ? Math.Log2((double)_modelRecords / _profiles.Count) : 0;

    public int Count => _profiles.Count;

    public PersonRecord? Get(ProfileId profile) => _profiles.TryGetValue(profile, out var entry) ? entry.Record : null;

    /// <summary>Stores (or replaces) a profile's person data.</summary>
    public void Upsert(ProfileId profile, PersonRecord record)
    {
        Remove(profile);
        var prepared = PreparedRecord.From(record);
        var keys = new ulong[_rules.Count];
        for (var r = 0; r < _rules.Count; r++)
        {
            var hash = _rules[r].Key(prepared).Hash();
            if (hash == 0)
            {
                continue;
            }

            // One dictionary for all rules: the rule number is mixed into the key.
            keys[r] = (hash * 31) + (ulong)r + 1;
            if (!_blocks.TryGetValue(keys[r], out var block))
            {
                _blocks[keys[r]] = block = new Block();
            }

            block.Add(profile, _settings.MaxBlockSize);
        }

        _profiles[profile] = (record, prepared, keys);
        _frequencies.Add(prepared, 1);
    }

    public void Remove(ProfileId profile)
    {
        if (!_profiles.Remove(profile, out var entry))
        {
            return;
        }

        foreach (var key in entry.Keys.Where(k => k != 0))
        {
            var block = _blocks[key];
            block.Remove(profile);
            if (block.Count == 0)
            {
                _blocks.Remove(key);
            }
        }

        _frequencies.Add(entry.Prepared, -1);
    }

    /// <summary>After two profiles merged: <paramref name="into"/> keeps its person data, with gaps filled from <paramref name="from"/>.</summary>
    public void Merge(ProfileId from, ProfileId into)
    {
        if (Get(from) is not { } moving)
        {
            return;
        }

        Remove(from);
        Upsert(into, Get(into) is { } kept ? PersonTraits.Combine(kept, moving) : moving with { Id = into.ToString() });
    }

    /// <summary>
    /// The profiles at or above the review threshold for <paramref name="profile"/>, most likely first.
    /// Blocks larger than <see cref="MatchSettings.MaxBlockSize"/> are skipped, as in a batch resolve.
    /// </summary>
    public IReadOnlyList<MatchCandidate> Candidates(ProfileId profile)
    {
        if (!_profiles.TryGetValue(profile, out var entry))
        {
            return [];
        }

        var seen = new HashSet<ProfileId> { profile };
        var shift = PriorShift;
        var found = new List<MatchCandidate>();
        var scored = new List<(ProfileId Profile, double Weight)>();
        var blocks = new List<(int Rule, List<ProfileId> Members)>();
        for (var r = 0; r < _rules.Count; r++)
        {
            // A broad rule's block counts only while it is about as small as the rule allows per record in a batch
            // resolve: a birth date shared by 40 profiles says little, and their duplicates share a narrower key.
            if (entry.Keys[r] != 0 && _blocks[entry.Keys[r]] is { Members: { } members } block && block.Count <= (_rules[r].MaxPairsPerRecord ?? double.MaxValue) + 1)
            {
                blocks.Add((r, members));
            }
        }

        // The most specific keys first, so that the comparison budget goes where a duplicate most likely is.
        var budget = _settings.MaxComparisonsPerRecord;
        foreach (var (_, members) in blocks.OrderBy(b => b.Members.Count).ThenBy(b => b.Rule))
        {
            foreach (var other in members)
            {
                if (budget <= 0)
                {
                    break;
                }

                if (!seen.Add(other))
                {
                    continue;
                }

                budget--;
                var weight = _scorer.Score(entry.Prepared, _profiles[other].Prepared, _frequencies, shift);
                if (PairScorer.Probability(weight) >= _settings.ReviewThreshold)
                {
                    scored.Add((other, weight));
                }
            }
        }

        // Only the likeliest few are explained (the evidence is what costs): more would be namesakes to review anyway.
        foreach (var (other, _) in scored.OrderByDescending(c => c.Weight).ThenBy(c => c.Profile.Value).Take(MaxCandidates))
        {
            found.Add(new MatchCandidate(other, _scorer.Explain(entry.Prepared, _profiles[other].Prepared, _frequencies, shift)));
        }

        return [.. found.OrderByDescending(c => c.Evidence.Weight).ThenBy(c => c.Profile.Value)];
    }

    /// <summary>The evidence for two indexed profiles, or null when either has no person data.</summary>
    public MatchEvidence? Compare(ProfileId a, ProfileId b) =>
        _profiles.TryGetValue(a, out var x) && _profiles.TryGetValue(b, out var y) ? _scorer.Explain(x.Prepared, y.Prepared, _frequencies, PriorShift) : null;

    /// <summary>
    /// The profiles sharing one blocking key. Past <see cref="MatchSettings.MaxBlockSize"/> it keeps only a count:
    /// such a block is never compared, and removing from a list of thousands (the same common name on every
    /// re-identify) would make each update cost as much as the block is large. Once oversized it stays so, like an
    /// identifier past its profile cap: rebuilds replay the same order and reach the same state.
    /// </summary>
    private sealed class Block
    {
        public List<ProfileId>? Members { get; private set; } = [];

        public int Count { get; private set; }

        public void Add(ProfileId profile, int maxSize)
        {
            Count++;
            if (Members is not null && Count > maxSize)
            {
                Members = null;
            }

            Members?.Add(profile);
        }

        public void Remove(ProfileId profile)
        {
            Count--;
            Members?.Remove(profile);
        }
    }
}
