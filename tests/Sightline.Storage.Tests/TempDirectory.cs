using Microsoft.Data.Sqlite;

namespace Sightline.Storage.Tests;

/// <summary>A data directory of one test's own, deleted (pooled connections to it closed first) when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sightline-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
