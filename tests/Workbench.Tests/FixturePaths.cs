namespace Workbench.Tests;

public static class FixturePaths
{
    /// <summary>The repository's tests/fixtures folder, found by walking up from the test binaries to the folder holding Workbench.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Workbench.sln")))
                return Path.Combine(folder.FullName, "tests", "fixtures");
        }
        throw new DirectoryNotFoundException($"No Workbench.sln above {AppContext.BaseDirectory}.");
    }
}
