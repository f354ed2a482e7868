namespace Sightline.Core.Audiences;

/// <summary>
/// One instance of each name the engine keeps per profile (trait names, dotted leaves, consent purposes, event and
/// computed-trait names). A million profiles then share a handful of strings, and lookups by a name find the key by
/// reference without reading another string. Not thread-safe: the engine uses it under its lock.
/// </summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public string Intern(string name)
    {
        if (!_names.TryGetValue(name, out var interned))
        {
            _names[name] = interned = name;
        }

        return interned;
    }

    /// <summary>The interned instance of <paramref name="name"/>, or null when no profile has held it.</summary>
    public string? Find(string name) => _names.GetValueOrDefault(name);
}
