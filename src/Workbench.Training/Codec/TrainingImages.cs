using Workbench.Core.Errors;

namespace Workbench.Training.Codec;

/// <summary>The PNG files a codec experiment's <c>images</c> names (files, or folders of *.png).</summary>
public static class TrainingImages
{
    /// <summary>
    /// The files in ordinal order of their paths, the order patches are drawn by: a shell's glob order depends on its
    /// locale, and one seed must draw the same patches everywhere.
    /// </summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> entries)
    {
        var files = new List<string>();
        foreach (var entry in entries)
        {
            if (Directory.Exists(entry))
            {
                var found = Directory.GetFiles(entry, "*.png");
                if (found.Length == 0) throw new ConfigException($"images: {entry} holds no PNG file");
                files.AddRange(found);
            }
            else if (File.Exists(entry)) files.Add(entry);
            else throw new ConfigException($"images: {entry}: no such file or folder");
        }
        return [.. files.Order(StringComparer.Ordinal)];
    }
}
