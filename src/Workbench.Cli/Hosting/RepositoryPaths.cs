namespace Workbench.Cli.Hosting;

/// <summary>Finds files of the source checkout (peer benchmark scripts, experiment recipes) when running from it.</summary>
public static class RepositoryPaths
{
    public static string? Root()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Workbench.sln"))) return dir.FullName;
        return null;
    }

    public static string? Find(string relativePath) =>
        Root() is { } root && File.Exists(Path.Combine(root, relativePath)) ? Path.Combine(root, relativePath) : null;
}
