using Workbench.Core.Errors;

namespace Workbench.Core.IO;

/// <summary>Checks an output path before any work is done, so a long computation never ends in a refusal.</summary>
public static class OutputFile
{
    /// <summary>The path names no folder, and an existing file only where <paramref name="replace"/> allows it.</summary>
    public static void CheckWritable(string path, bool replace, string option = "--out")
    {
        if (Directory.Exists(path)) throw new WorkbenchException($"{option} {path}: is a folder; expected a file path");
        if (File.Exists(path) && !replace) throw new WorkbenchException($"{option} {path}: already exists (pass --force to replace it)");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        for (var parent = folder; !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent)) throw new WorkbenchException($"{option} {path}: {parent} is a file, not a folder");
            if (Directory.Exists(parent)) break;
        }
    }
}
