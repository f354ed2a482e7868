using System.Globalization;

namespace Sightline.Core.Retention;

/// <summary>Ages and intervals as settings write them: <c>365d</c> (or <c>365</c>), <c>36h</c>, <c>30m</c>.</summary>
public static class Ages
{
    /// <summary>How an age is written, for error messages.</summary>
    public const string Format = "give whole days (365d, or 365), hours (36h) or minutes (30m), from 1m to 36500d";

    /// <summary>The age, or null when <paramref name="text"/> is not one.</summary>
    public static TimeSpan? Parse(string? text)
    {
        var trimmed = text?.Trim().ToLowerInvariant() ?? "";
        var (digits, unit) = trimmed.Length > 0 && trimmed[^1] is 'd' or 'h' or 'm' ? (trimmed[..^1], trimmed[^1]) : (trimmed, 'd');
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return null;
        }

        var age = unit switch { 'h' => TimeSpan.FromHours(count), 'm' => TimeSpan.FromMinutes(count), _ => TimeSpan.FromDays(count) };
        return age <= TimeSpan.FromDays(36_500) ? age : null;
    }
}
