using Sightline.Core.Standardization;

namespace Sightline.Core.Tests.Standardization;

public sealed class DatesTests
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
    private static readonly TimeZoneInfo MexicoCity = TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City");

    [Theory]
    [InlineData("15/03/2024", "dd/MM/yyyy", "2024-03-15T00:00:00+01:00")]
    [InlineData("20240715", "yyyyMMdd", "2024-07-15T00:00:00+02:00")]
    [InlineData("07/15/2024 18:30", "MM/dd/yyyy HH:mm", "2024-07-15T18:30:00+02:00")]
    [InlineData("2024-07-15T18:30:00", "dd/MM/yyyy", "2024-07-15T18:30:00+02:00")]
    [InlineData("2024-07-15T18:30:00Z", "dd/MM/yyyy", "2024-07-15T18:30:00+00:00")]
    [InlineData("2024-07-15T18:30:00.250-05:00", "dd/MM/yyyy", "2024-07-15T18:30:00.250-05:00")]
    [InlineData("2024-07-15 18:30", "dd/MM/yyyy", "2024-07-15T18:30:00+02:00")]
    [InlineData("2024-07-15", "dd/MM/yyyy", "2024-07-15T00:00:00+02:00")]
    public void Values_are_read_with_the_formats_then_iso_8601_in_the_zone(string raw, string format, string expected)
    {
        Dates.TryParse(raw, [format], Madrid, out var value, out var error).ShouldBeTrue(error);
        value.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        value.Offset.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset);
    }

    [Fact]
    public void Formats_are_tried_in_order()
    {
        Dates.TryParse("03/04/2024", ["dd/MM/yyyy", "MM/dd/yyyy"], TimeZoneInfo.Utc, out var day, out _).ShouldBeTrue();
        day.Month.ShouldBe(4);
        Dates.TryParse("03/04/2024", ["MM/dd/yyyy", "dd/MM/yyyy"], TimeZoneInfo.Utc, out var month, out _).ShouldBeTrue();
        month.Month.ShouldBe(3);
    }

    [Fact]
    public void A_time_skipped_by_daylight_saving_moves_forward_by_the_gap()
    {
        Dates.TryParse("2024-03-31 02:30", [], Madrid, out var value, out var error).ShouldBeTrue(error);
        value.ShouldBe(new DateTimeOffset(2024, 3, 31, 3, 30, 0, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_time_that_occurs_twice_takes_the_first_occurrence()
    {
        Dates.TryParse("27/10/2024 02:30", ["dd/MM/yyyy HH:mm"], Madrid, out var value, out var error).ShouldBeTrue(error);
        value.ShouldBe(new DateTimeOffset(2024, 10, 27, 2, 30, 0, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Local_times_take_the_zone_offset_of_their_date()
    {
        Dates.TryParse("01/02/2024 09:00", ["dd/MM/yyyy HH:mm"], MexicoCity, out var value, out var error).ShouldBeTrue(error);
        value.ShouldBe(new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.FromHours(-6)));
    }

    [Theory]
    [InlineData("31/02/2024", "\"31/02/2024\" matches none of dd/MM/yyyy, ISO 8601")]
    [InlineData("mañana", "\"mañana\" matches none of dd/MM/yyyy, ISO 8601")]
    [InlineData("", "empty date")]
    public void Unreadable_values_name_the_formats_tried(string raw, string expected)
    {
        Dates.TryParse(raw, ["dd/MM/yyyy"], Madrid, out _, out var error).ShouldBeFalse();
        error.ShouldBe(expected);
    }

    [Theory]
    [InlineData("05/11/1987", "1987-11-05")]
    [InlineData("1987-11-05", "1987-11-05")]
    [InlineData("1987-11-05T00:00:00Z", "1987-11-05")]
    [InlineData("05/11/1987 13:45", "1987-11-05")]
    public void Birth_dates_are_read_as_calendar_dates(string raw, string expected)
    {
        Dates.TryParseDate(raw, ["dd/MM/yyyy", "dd/MM/yyyy HH:mm"], out var value, out var error).ShouldBeTrue(error);
        value.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Birth_dates_before_1880_or_in_the_future_are_refused()
    {
        Dates.TryParseDate("01/01/1870", ["dd/MM/yyyy"], out _, out var old).ShouldBeFalse();
        old.ShouldBe("\"01/01/1870\" is before 1880");
        var future = DateTime.UtcNow.AddDays(3).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Dates.TryParseDate(future, ["dd/MM/yyyy"], out _, out var error).ShouldBeFalse();
        error.ShouldBe($"\"{future}\" is in the future");
    }
}
