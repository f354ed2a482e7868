namespace Sightline.Server.Dashboard.Segments;

/// <summary>Where a segment's pages are: by name, escaped (names may hold spaces, slashes and any letter).</summary>
public static class SegmentLinks
{
    public static string Page(string name) => "/segments/" + Uri.EscapeDataString(name);

    public static string Edit(string name) => Page(name) + "/edit";

    /// <summary>The name in a route: the server decodes every escape in a path but %2F, which would end a segment of it.</summary>
    public static string Name(string routeValue) => routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
