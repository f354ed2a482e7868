using Sightline.Core.Identity;

namespace Sightline.Server.Search;

/// <summary>One entry of the search index, with the key facts shown on its row.</summary>
public sealed record SearchHit(ProfileId Profile, float Score, string? Name, string? Email, string? Phone, string? City, string? BirthDate);
