using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Standardization;

/// <summary>Reads the code tables kept in code and folds names into lookup keys.</summary>
internal static class Tables
{
    /// <summary>The tab-separated cells of each row of <paramref name="table"/>.</summary>
    public static IEnumerable<string[]> Rows(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r').Split('\t'));

    /// <summary>
    /// A name folded for lookup: lower case, no accents, no spaces or punctuation, so "EE. UU.", "eeuu" and "EEUU"
    /// meet. Null when nothing is left.
    /// </summary>
    public static string? Key(string? name) => TextFold.Fold(name)?.Replace(" ", string.Empty, StringComparison.Ordinal);
}
