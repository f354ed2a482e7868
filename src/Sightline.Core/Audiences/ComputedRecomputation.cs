using System.Text.Json;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Consent;
using Sightline.Core.Events;
using Sightline.Core.Identity;

namespace Sightline.Core.Audiences;

/// <summary>
/// Computed-trait states rebuilt from the stored events of every profile, for traits whose definition is new or has
/// changed since the stored states were built (their fingerprint no longer fits): fed the log in order, each event under
/// the profile it belongs to now. Analytics consent applies as it does to live events
/// (<see cref="SegmentEngine.Observe"/>): from a person's denial on, behavioural events count for nothing, and the
/// denial ends what earlier ones added up to.
/// </summary>
public sealed class ComputedRecomputation(ComputedTraitSet traits)
{
    private readonly Dictionary<long, Dictionary<string, TraitState>> _states = [];
    private readonly Dictionary<long, (bool Granted, long AtMs, long Sequence)> _analytics = [];

    /// <summary>The traits rebuilt.</summary>
    public ComputedTraitSet Traits { get; } = traits;

    /// <summary>Events read.</summary>
    public long Events { get; private set; }

    public void Add(ProfileId profile, long sequence, MessageType type, string messageId, DateTimeOffset timestamp, JsonElement message)
    {
        Events++;
        var deniedBefore = Denies(profile.Value);
        foreach (var (purpose, granted) in ConsentPurposes.Read(message))
        {
            var at = timestamp.ToUnixTimeMilliseconds();
            if (purpose == ConsentPurposes.Analytics
                && (!_analytics.TryGetValue(profile.Value, out var held) || (held.AtMs, held.Sequence).CompareTo((at, sequence)) <= 0))
            {
                _analytics[profile.Value] = (granted, at, sequence);
            }
        }

        if (Denies(profile.Value))
        {
            if (!deniedBefore)
            {
                _states.Remove(profile.Value);
            }

            if (type is MessageType.Track or MessageType.Page or MessageType.Screen)
            {
                return;
            }
        }

        if (!_states.TryGetValue(profile.Value, out var states))
        {
            _states[profile.Value] = states = new Dictionary<string, TraitState>(StringComparer.Ordinal);
        }

        using var parsed = TraitEvent.Over(message, type, messageId, timestamp);
        Traits.Apply(states, parsed);
    }

    /// <summary>The rebuilt states of a profile, by trait name; null when none of its events matched.</summary>
    internal IReadOnlyDictionary<string, TraitState>? StatesOf(long profile) => _states.GetValueOrDefault(profile);

    private bool Denies(long profile) => _analytics.TryGetValue(profile, out var choice) && !choice.Granted;
}
