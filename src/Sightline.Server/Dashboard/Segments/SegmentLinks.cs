namespace Sightline.Server.Dashboard.Segments;

/// <summary>Where a segment's pages are: by name, escaped (names may hold spaces, slashes and any letter).</summary>
public static class SegmentLinks
{
    public static string Page(string name) => "/segments/" + Uri.EscapeDataString(name);

    public static string Edit(string name) => Page(name) + "/edit";

    /// <summary>The name in a route, as the API reads it.</summary>
    public static string Name(string routeValue) => Server.Segments.SegmentsApi.RouteName(routeValue);
}
