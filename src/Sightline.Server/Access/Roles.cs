namespace Sightline.Server.Access;

/// <summary>
/// What an API key may do. <c>read</c> reads profiles; <c>segments</c> manages segments and reads profiles;
/// <c>privacy</c> (a privacy officer) reads profiles and changes consent; <c>admin</c> does everything.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Read = "read";
    public const string Segments = "segments";
    public const string Privacy = "privacy";

    public static readonly IReadOnlyList<string> All = [Admin, Read, Segments, Privacy];
}

/// <summary>The authorization policies endpoints state, and the roles each admits.</summary>
public static class Policies
{
    /// <summary>Sources, keys, imports, quarantine, merge decisions: admin only.</summary>
    public const string Admin = "admin";

    /// <summary>Reading profiles, their traits, events, merges and consent.</summary>
    public const string ReadProfiles = "read-profiles";

    /// <summary>Changing what a person agreed to; data-subject requests.</summary>
    public const string Privacy = "privacy";

    /// <summary>Writing and checking segments.</summary>
    public const string ManageSegments = "manage-segments";

    public static readonly IReadOnlyDictionary<string, string[]> Admits = new Dictionary<string, string[]>
    {
        [Admin] = [Roles.Admin],
        [ReadProfiles] = [Roles.Admin, Roles.Read, Roles.Segments, Roles.Privacy],
        [Privacy] = [Roles.Admin, Roles.Privacy],
        [ManageSegments] = [Roles.Admin, Roles.Segments],
    };
}
