using System.Text.RegularExpressions;

namespace Sightline.Core.Identity;

/// <summary>The merge rules of every identifier type, with defaults that keep shared devices and households apart.</summary>
public sealed class MergeRules
{
    private static readonly string[] Placeholders = ["", "null", "undefined", "anonymous", "unknown", "none", "n/a", "na", "-", "test", "0"];

    private readonly IReadOnlyDictionary<string, IdentifierRule> _rules;
    private readonly IdentifierRule _other;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (HashSet<string> Values, Regex? Patterns)> _blocked = new(StringComparer.Ordinal);

    /// <param name="rules">Rules by identifier type.</param>
    /// <param name="other">The rule of types not listed (crm_id, loyalty_card, …).</param>
    public MergeRules(IReadOnlyDictionary<string, IdentifierRule> rules, IdentifierRule other)
    {
        _rules = rules;
        _other = other;
    }

    /// <summary>
    /// Defaults: user_id (priority 1, one per profile), email (2, five), phone (3, five, stops merging at three
    /// profiles; fixed lines never merge), custom ids (4), device and advertising ids (5, stop at three
    /// profiles), anonymous_id (6, unlimited, stops at three profiles); placeholders are never identifiers.
    /// </summary>
    public static MergeRules Default { get; } = new(
        new Dictionary<string, IdentifierRule>(StringComparer.Ordinal)
        {
            [IdentifierTypes.UserId] = new() { Priority = 1, MaxValuesPerProfile = 1, BlockedValues = Placeholders },
            [IdentifierTypes.Email] = new()
            {
                Priority = 2,
                MaxValuesPerProfile = 5,
                BlockedValues = Placeholders,
                BlockedPatterns = [@"^(test|example|noemail|no-email|none|null|dummy|fake|nobody|noreply|no-reply)@", @"@(test|example)\.(com|org|net)$", @"@(mailinator|example)\."],
            },
            [IdentifierTypes.Phone] = new() { Priority = 3, MaxValuesPerProfile = 5, MaxProfilesPerValue = 3, BlockedPatterns = [@"^\+\d{1,3}0{6,}$", @"^\+(0{8,}|1{8,}|2{8,}|3{8,}|4{8,}|5{8,}|6{8,}|7{8,}|8{8,}|9{8,})$"] },
            [IdentifierTypes.DeviceId] = new() { Priority = 5, MaxProfilesPerValue = 3, BlockedValues = Placeholders, BlockedPatterns = [@"^[0\-]+$"] },
            [IdentifierTypes.AdvertisingId] = new() { Priority = 5, MaxProfilesPerValue = 3, BlockedValues = Placeholders, BlockedPatterns = [@"^[0\-]+$"] },
            [IdentifierTypes.AnonymousId] = new() { Priority = 6, MaxProfilesPerValue = 3, BlockedValues = Placeholders, BlockedPatterns = [@"^[0\-]+$"] },
        },
        new IdentifierRule { Priority = 4, BlockedValues = Placeholders, BlockedPatterns = [@"^[0\-]+$"] });

    public IdentifierRule For(string type) => _rules.TryGetValue(type, out var rule) ? rule : _other;

    /// <summary>True when the value is a placeholder of its type and must be ignored.</summary>
    public bool IsBlocked(Identifier identifier)
    {
        if (!_blocked.TryGetValue(identifier.Type, out var blocked))
        {
            var rule = For(identifier.Type);
            blocked = (new HashSet<string>(rule.BlockedValues, StringComparer.OrdinalIgnoreCase), Patterns(rule.BlockedPatterns));
            _blocked[identifier.Type] = blocked;
        }

        return blocked.Values.Contains(identifier.Value) || blocked.Patterns?.IsMatch(identifier.Value) == true;
    }

    /// <summary>
    /// A type's blocked patterns as one regex, checked for every identifier of every event. The non-backtracking engine
    /// runs in time linear in the value, so a configured pattern cannot hang the pipeline and needs no timeout. A pattern
    /// it cannot run (a backreference, a lookaround) falls back to the backtracking engine with a wall-clock timeout long
    /// enough for a short value on a starved machine (100 ms once stopped a demo load).
    /// </summary>
    private static Regex? Patterns(IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
        {
            return null;
        }

        var any = string.Join('|', patterns.Select(p => $"(?:{p})"));
        try
        {
            return new Regex(any, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(any, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>
    /// Why a value linked to <paramref name="profiles"/> profiles may not merge them, or null when it may:
    /// past its type's cap it is shared (a shop's tablet), and a fixed line belongs to a household, not a person.
    /// </summary>
    public string? WhyNotMergeKey(Identifier identifier, int profiles)
    {
        if (identifier.Type == IdentifierTypes.Phone && IdentifierNormalizer.IsFixedLine(identifier.Value))
        {
            return $"{identifier} is a fixed line, shared by a household";
        }

        return For(identifier.Type).MaxProfilesPerValue is { } cap && profiles >= cap
            ? $"{identifier} is already linked to {profiles} profiles (cap {cap})"
            : null;
    }
}
