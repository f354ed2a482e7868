using System.CommandLine;
using Sightline.Cli.Audit;
using Sightline.Cli.Demo;
using Sightline.Cli.Export;
using Sightline.Cli.Import;
using Sightline.Cli.Keys;
using Sightline.Cli.Privacy;
using Sightline.Cli.Quarantine;
using Sightline.Cli.Rebuild;
using Sightline.Cli.Resolve;
using Sightline.Cli.Retention;
using Sightline.Cli.Segments;
using Sightline.Cli.Serve;
using Sightline.Cli.Sources;
using Sightline.Cli.Users;
using Spectre.Console;

if (Console.IsOutputRedirected)
{
    // Piped tables should not wrap at the default 80 columns; --json is the format for scripts.
    AnsiConsole.Profile.Width = 240;
}

var root = new RootCommand("Sightline: the customer data platform that starts on a laptop.")
{
    ServeCommand.Create(),
    DemoCommand.Create(),
    SourcesCommand.Create(),
    ImportCommand.Create(),
    KeysCommand.Create(),
    UsersCommand.Create(),
    AuditCommand.Create(),
    PrivacyCommand.Create(),
    SegmentsCommand.Create(),
    RetentionCommand.Create(),
    QuarantineCommand.Create(),
    ExportCommand.Create(),
    RebuildCommand.Create(),
    RebuildCommand.Unmerge(),
    ResolveCommand.Create(),
};
return await root.Parse(args).InvokeAsync(new InvocationConfiguration
{
    // The server host handles SIGINT and SIGTERM itself, draining the log writer before it exits.
    ProcessTerminationTimeout = null,
});
