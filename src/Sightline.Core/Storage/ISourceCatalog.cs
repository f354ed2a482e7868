using Sightline.Core.Sources;

namespace Sightline.Core.Storage;

/// <summary>The registered sources.</summary>
public interface ISourceCatalog
{
    /// <summary>Registers a source; the result names the field (<c>name</c> or <c>writeKey</c>) already taken, if any.</summary>
    Task<SourceAdded> AddAsync(NewSource source, CancellationToken cancellationToken);

    Task<IReadOnlyList<Source>> ListAsync(CancellationToken cancellationToken);

    Task<Source?> FindByWriteKeyAsync(string writeKey, CancellationToken cancellationToken);
}
