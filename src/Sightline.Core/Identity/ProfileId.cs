namespace Sightline.Core.Identity;

/// <summary>
/// A profile's id: the log sequence number of the event that created it, so a rebuild from the log
/// gives every profile the same id again. When two profiles merge, the older (smaller) id survives.
/// </summary>
public readonly record struct ProfileId(long Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
