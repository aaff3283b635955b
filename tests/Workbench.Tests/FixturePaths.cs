namespace Workbench.Tests;

/// <summary>Locates the repository's committed test fixtures (tests/fixtures) from the test binaries.</summary>
public static class FixturePaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The tests/fixtures folder of the repository that holds Workbench.sln above the test binaries.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path under tests/fixtures, e.g. Of("spectral", "spectral_fixtures.json").</summary>
    public static string Of(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workbench.sln")))
                return Path.Combine(dir.FullName, "tests", "fixtures");
        }
        throw new DirectoryNotFoundException($"No folder holding Workbench.sln above {AppContext.BaseDirectory}.");
    }
}
