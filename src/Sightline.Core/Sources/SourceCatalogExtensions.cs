using Sightline.Core.Storage;

namespace Sightline.Core.Sources;

public static class SourceCatalogExtensions
{
    /// <summary>The source named as <paramref name="source"/>, registering it the first time it is needed.</summary>
    public static async Task<Source> FindOrAddAsync(this ISourceCatalog sources, NewSource source, CancellationToken cancellationToken)
    {
        if (await FindAsync(sources, source.Name, cancellationToken) is { } existing)
        {
            return existing;
        }

        // Another caller may have registered the name in between: then its source is the one.
        return (await sources.AddAsync(source, cancellationToken)).Source
            ?? await FindAsync(sources, source.Name, cancellationToken)
            ?? throw new InvalidOperationException($"source \"{source.Name}\" could not be registered");
    }

    /// <summary>The source with this name, or null.</summary>
    public static async Task<Source?> FindAsync(this ISourceCatalog sources, string name, CancellationToken cancellationToken) =>
        (await sources.ListAsync(cancellationToken)).FirstOrDefault(s => s.Name == name);
}
