namespace Sightline.Server.Tests;

/// <summary>Removes a data directory a test made under the temp folder.</summary>
internal static class TempData
{
    /// <summary>Deletes the directory and the encryption key file Sightline keeps beside it (DATA.keys.json), which test runs once left behind by the hundred.</summary>
    public static void Delete(string data)
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        File.Delete(data + ".keys.json");
    }
}
