namespace Sightline.Core.Identity.Matching;

/// <summary>
/// One field's comparison levels. Level 0 means the field is missing on either side (no evidence either way);
/// level 1 is an exact match, where term frequencies apply; the last level is "different".
/// </summary>
/// <param name="Name">The field, as evidence shows it: "given_name", "birth_date", ….</param>
/// <param name="Levels">The level names, "null" first.</param>
/// <param name="Compare">The level two records reach.</param>
/// <param name="Term">The value whose frequency adjusts an exact match (common names weigh less); null for none.</param>
/// <param name="Household">
/// Whether a household shares this field (surname, street, city, postcode, landline). When two records may be two members
/// of one household, agreement on such fields is one piece of evidence, not several: only the strongest of them counts,
/// so a family at one address with one phone does not add up to one person.
/// </param>
internal sealed record FieldComparison(string Name, string[] Levels, Func<PreparedRecord, PreparedRecord, int> Compare, Func<PreparedRecord, TextSlice>? Term = null, bool Household = false);
