namespace Sightline.Core.Segments;

/// <summary>Value hashing for the lists inside AST records, whose equality compares elements rather than references.</summary>
internal static class Sequences
{
    public static int Hash<T>(IReadOnlyList<T> items)
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
