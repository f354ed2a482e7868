namespace Sightline.Cli.Demo;

/// <summary>
/// A country the retailer sells to: how its people are named, where they live and how its numbers and addresses
/// are written.
/// </summary>
/// <remarks>
/// Code is ISO 3166 alpha-2; Spellings are how people write the country in a form, the usual one first; DialCode is
/// the calling code without '+'; Currency the ISO 4217 code of its prices in the online shop; TwoSurnames whether
/// people carry a paternal and a maternal surname. Name lists run from the most to the least common.
/// </remarks>
internal sealed record Country(
    string Code,
    string[] Spellings,
    string DialCode,
    string Currency,
    bool TwoSurnames,
    City[] Cities,
    string[] Streets,
    string[] Domains,
    string[] MaleNames,
    string[] FemaleNames,
    string[] Surnames)
{
    /// <summary>Whether the street number goes before the street name (500 Market St).</summary>
    public bool NumberFirst => Code == "US";
}
