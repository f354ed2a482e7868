using System.Text.RegularExpressions;
using Sightline.Core.Segments;

namespace Sightline.Core.Tests.Segments;

/// <summary>docs/segment-language.md cannot go stale: its examples are valid and its error examples give the messages shown.</summary>
public sealed partial class SegmentLanguageDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(Root(), "docs", "segment-language.md"));

    [GeneratedRegex(@"```segment\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Examples();

    [GeneratedRegex(@"```segment-error(?: (?<name>\S+))?\n(?<text>.*?)```\s*```text\n(?<messages>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ErrorExamples();

    [Fact]
    public void Every_example_is_valid_against_the_documented_catalog()
    {
        var examples = Examples().Matches(Doc);

        examples.Count.ShouldBeGreaterThan(10);
        foreach (Match example in examples)
        {
            var text = example.Groups["text"].Value;
            SegmentValidator.Check(text, SegmentValidatorTests.Catalog).Diagnostics.ShouldBeEmpty(text);
        }
    }

    [Fact]
    public void Every_error_example_gives_the_messages_shown()
    {
        var examples = ErrorExamples().Matches(Doc);

        examples.Count.ShouldBeGreaterThan(5);
        foreach (Match example in examples)
        {
            var name = example.Groups["name"].Success ? example.Groups["name"].Value : null;
            var diagnostics = SegmentValidator.Check(example.Groups["text"].Value, SegmentValidatorTests.Catalog, name).Diagnostics;
            var expected = example.Groups["messages"].Value.TrimEnd('\n').Split('\n');
            diagnostics.Select(d => d.ToString()).ShouldBe(expected, example.Groups["text"].Value);
        }
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sightline.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Sightline.slnx not found above the test binaries");
    }
}
