namespace Workbench.Tests;

/// <summary>Locates the repository's tests/fixtures folder from the test binaries.</summary>
public static class FixturePaths
{
    /// <summary>The repository's tests/fixtures folder, found by walking up from AppContext.BaseDirectory to the folder that contains Workbench.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Workbench.sln")))
                return Path.Combine(dir.FullName, "tests", "fixtures");
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains Workbench.sln.");
    }
}
