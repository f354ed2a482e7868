using Sightline.Core.Events;

namespace Sightline.Core.ComputedTraits;

/// <summary>
/// The computed traits in force, run together over one profile's states (trait name → state): each event is
/// parsed once for all of them, and states are created when a trait first matches.
/// </summary>
public sealed class ComputedTraitSet
{
    private readonly Dictionary<string, int> _byName;

    /// <exception cref="ArgumentException">A definition is invalid, or two share a name.</exception>
    public ComputedTraitSet(IEnumerable<TraitDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Traits = [.. definitions.Select(d => new ComputedTrait(d))];
        _byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < Traits.Count; index++)
        {
            if (!_byName.TryAdd(Traits[index].Name, index))
            {
                throw new ArgumentException($"Two computed traits are named {Traits[index].Name}.", nameof(definitions));
            }
        }
    }

    public IReadOnlyList<ComputedTrait> Traits { get; }

    public ComputedTrait? Find(string name) => _byName.TryGetValue(name, out var index) ? Traits[index] : null;

    /// <summary>The trait's position in <see cref="Traits"/>, or -1 when none is named so.</summary>
    public int IndexOf(string name) => _byName.GetValueOrDefault(name, -1);

    /// <summary>
    /// Applies one event to a profile's states and returns the names of the traits whose state changed (to store).
    /// A state built by an older definition is left alone: it is rebuilt from the profile's events, this one included
    /// (see <see cref="Stale"/>).
    /// </summary>
    public IReadOnlyList<string> Apply(IDictionary<string, TraitState> states, EventMessage message)
    {
        using var parsed = TraitEvent.From(message);
        return Apply(states, parsed);
    }

    /// <inheritdoc cref="Apply(IDictionary{string, TraitState}, EventMessage)"/>
    public IReadOnlyList<string> Apply(IDictionary<string, TraitState> states, TraitEvent parsed)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(parsed);
        List<string>? changed = null;
        for (var i = 0; i < Traits.Count; i++)
        {
            var trait = Traits[i];
            if (!states.TryGetValue(trait.Name, out var state))
            {
                if (!trait.Matches(parsed))
                {
                    continue;
                }

                state = trait.NewState();
                states[trait.Name] = state;
            }

            if (trait.IsCurrent(state) && trait.Apply(state, parsed))
            {
                (changed ??= []).Add(trait.Name);
            }
        }

        return changed ?? (IReadOnlyList<string>)[];
    }

    /// <summary>
    /// The traits whose state is missing or was built by another definition: recompute these from the profile's
    /// events (after a definition changed, or after an unmerge).
    /// </summary>
    public IEnumerable<ComputedTrait> Stale(IReadOnlyDictionary<string, TraitState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return Traits.Where(t => !states.TryGetValue(t.Name, out var state) || !t.IsCurrent(state));
    }

    /// <summary>Every trait's value at <paramref name="now"/>, for showing a profile; traits without a state read as empty.</summary>
    public Dictionary<string, ComputedValue> Values(IReadOnlyDictionary<string, TraitState> states, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(states);
        return Traits.ToDictionary(
            t => t.Name,
            t => t.Value(states.TryGetValue(t.Name, out var state) && t.IsCurrent(state) ? state : t.NewState(), now),
            StringComparer.Ordinal);
    }
}
