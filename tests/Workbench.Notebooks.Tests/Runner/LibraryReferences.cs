using System.Text.RegularExpressions;

namespace Workbench.Notebooks.Tests.Runner;

/// <summary>
/// Notebooks reference the published workbench with <c>#r "../artifacts/notebook-libs/NAME.dll"</c> (relative to the
/// notebook). Headless runs point those directives at the same file names in this test's output folder, which holds
/// the same assemblies and patched natives; a referenced DLL that folder lacks, or a NuGet reference, is an error.
/// </summary>
public static partial class LibraryReferences
{
    [GeneratedRegex("""^(?<indent>\s*)#r\s+"(?<path>[^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex Reference();

    public static string Resolve(string code, string libraryFolder)
    {
        return Reference().Replace(code, match =>
        {
            var path = match.Groups["path"].Value;
            if (path.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                throw new NotebookFormatException($"#r \"{path}\": NuGet references are not supported (reference the published DLLs under artifacts/notebook-libs)");
            var local = Path.Combine(libraryFolder, Path.GetFileName(path));
            if (!File.Exists(local))
                throw new NotebookFormatException($"#r \"{path}\": {Path.GetFileName(path)} is not in the workbench build output {libraryFolder}");
            return $"{match.Groups["indent"].Value}#r \"{local}\"";
        });
    }
}

/// <summary>A notebook that the runner cannot execute as written.</summary>
public sealed class NotebookFormatException(string message) : Exception(message);
