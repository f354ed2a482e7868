namespace Sightline.Core.Sources;

/// <summary>Where a source's data comes from; customer-direct data outranks third-party enrichment.</summary>
public enum SourceKind
{
    CustomerDirect,
    ThirdParty,
}
