namespace Sightline.Core.Audiences;

/// <summary>
/// How strongly one observation of a trait claims the profile's value, in survivorship's order (<c>Survivorship</c>):
/// customer-direct before third-party, then the more trusted source, then the later observation, then the later event.
/// </summary>
public readonly record struct TraitRank(bool CustomerDirect, int Trust, long ObservedAtMs, long Sequence) : IComparable<TraitRank>
{
    public int CompareTo(TraitRank other)
    {
        var order = CustomerDirect.CompareTo(other.CustomerDirect);
        order = order != 0 ? order : Trust.CompareTo(other.Trust);
        order = order != 0 ? order : ObservedAtMs.CompareTo(other.ObservedAtMs);
        return order != 0 ? order : Sequence.CompareTo(other.Sequence);
    }

    public static bool operator <(TraitRank left, TraitRank right) => left.CompareTo(right) < 0;

    public static bool operator >(TraitRank left, TraitRank right) => left.CompareTo(right) > 0;

    public static bool operator <=(TraitRank left, TraitRank right) => left.CompareTo(right) <= 0;

    public static bool operator >=(TraitRank left, TraitRank right) => left.CompareTo(right) >= 0;
}
