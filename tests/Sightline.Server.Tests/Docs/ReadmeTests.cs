using System.Text.RegularExpressions;
using Sightline.Server.Hosting;
using Sightline.Server.Tests.Cli;

namespace Sightline.Server.Tests.Docs;

/// <summary>The README and docs describe what exists: commands, flags and settings.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Root = SightlineCli.RepositoryRoot;

    private static string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

    [Fact]
    public void Readme_starts_with_the_demo_command_and_the_test_command_ci_runs()
    {
        var firstBlock = CodeBlock().Match(Read("README.md")).Groups["code"].Value;
        var commands = firstBlock.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('#')[0].Trim()).ToList();

        commands.ShouldBe(["./sightline demo", "./run-tests"]);
        Read(".ci/run").ShouldContain("exec ./run-tests");
    }

    [Fact]
    public async Task Every_command_and_flag_in_the_readme_exists()
    {
        var rows = CommandRow().Matches(Read("README.md")).Select(m => m.Groups["command"].Value).ToList();
        rows.Count.ShouldBeGreaterThanOrEqualTo(5);

        foreach (var row in rows)
        {
            var words = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var command = words.TakeWhile(w => !w.StartsWith('[') && !w.StartsWith('-') && !w.Any(char.IsUpper)).ToArray();
            var (exitCode, help, error) = await SightlineCli.RunAsync([.. command, "--help"]);
            exitCode.ShouldBe(0, $"{row}: {error}");
            foreach (var flag in Flag().Matches(row).Select(m => m.Value))
            {
                help.ShouldContain(flag, customMessage: $"`sightline {string.Join(' ', command)}` has no {flag}");
            }
        }
    }

    [Fact]
    public void Configuration_doc_lists_every_setting()
    {
        var doc = Read("docs/configuration.md");

        foreach (var property in typeof(SightlineOptions).GetProperties())
        {
            doc.ShouldContain($"`Sightline:{property.Name}`");
        }
    }

    [GeneratedRegex("```bash\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^\| `\./sightline (?<command>[^`]+)`", RegexOptions.Multiline)]
    private static partial Regex CommandRow();

    [GeneratedRegex(@"--[a-z][a-z-]+")]
    private static partial Regex Flag();
}
