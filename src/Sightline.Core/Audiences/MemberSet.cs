using System.Numerics;

namespace Sightline.Core.Audiences;

/// <summary>
/// One segment's members as a bit per profile slot (<see cref="ProfileFacts.Slot"/>). A first evaluation enters a
/// million profiles into several segments each: a bit costs no allocation, where an array per profile was garbage the
/// collector had to trace through the whole heap of profiles. Not thread-safe, but threads that each write only their
/// own whole 64-slot blocks (<see cref="BlockSlots"/>) never share a word.
/// </summary>
internal sealed class MemberSet(int slots)
{
    /// <summary>Slots per word: a parallel pass hands each thread whole multiples of this.</summary>
    public const int BlockSlots = 64;

    private ulong[] _words = new ulong[Words(slots)];

    public bool Contains(int slot) => (_words[slot >> 6] & (1UL << slot)) != 0;

    public void Set(int slot, bool member)
    {
        if (member)
        {
            _words[slot >> 6] |= 1UL << slot;
        }
        else
        {
            _words[slot >> 6] &= ~(1UL << slot);
        }
    }

    /// <summary>The slots set, lowest first.</summary>
    public IEnumerable<int> Slots()
    {
        for (var word = 0; word < _words.Length; word++)
        {
            for (var bits = _words[word]; bits != 0; bits &= bits - 1)
            {
                yield return (word << 6) + BitOperations.TrailingZeroCount(bits);
            }
        }
    }

    public void Clear() => Array.Clear(_words);

    /// <summary>Makes room for <paramref name="slots"/> slots, keeping the members.</summary>
    public void Grow(int slots)
    {
        if (Words(slots) > _words.Length)
        {
            Array.Resize(ref _words, Words(slots));
        }
    }

    private static int Words(int slots) => (slots + BlockSlots - 1) / BlockSlots;
}
