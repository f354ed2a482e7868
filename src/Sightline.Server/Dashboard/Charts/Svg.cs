using System.Globalization;

namespace Sightline.Server.Dashboard.Charts;

/// <summary>Numbers as SVG attributes want them: invariant, at most two decimals.</summary>
internal static class Svg
{
    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
