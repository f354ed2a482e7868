namespace Sightline.Core.Storage;

/// <summary>
/// Live profiles; the <see cref="Known"/> ones have an identifier other than an anonymous id (a user id, an e-mail, a
/// phone, a card), the others are anonymous visitors. Merges are those in force; blocked ones were refused by a rule.
/// </summary>
public sealed record ProfileCounts(long Live, long Known, long Merges, long BlockedMerges)
{
    public long Anonymous => Live - Known;
}
