using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Workbench.Interactive;

namespace Workbench.Notebooks.Tests.Runner;

/// <summary>
/// Executes a .ipynb headless in this process: parses it, submits its C# cells in order to a fresh CSharpKernel and
/// stops at the first cell that fails. Markdown cells are skipped; any other language is an error.
/// </summary>
public static class NotebookRunner
{
    private static readonly KernelInfoCollection Kernels = CreateKernelInfos();

    /// <summary>Quick mode and the run-folder root are passed to notebooks through the environment.</summary>
    public static void ConfigureEnvironment(string runsFolder)
    {
        Environment.SetEnvironmentVariable(WorkbenchNotebook.QuickVariable, "1");
        Environment.SetEnvironmentVariable(WorkbenchNotebook.RunsVariable, runsFolder);
    }

    public static async Task<NotebookRunResult> RunAsync(string notebookPath, string libraryFolder)
    {
        var name = Path.GetFileName(notebookPath);
        var document = Notebook.Parse(await File.ReadAllTextAsync(notebookPath), Kernels);
        using var kernel = new CSharpKernel().UseKernelHelpers();
        var total = Stopwatch.StartNew();
        var cells = new List<CellRun>();
        for (var index = 0; index < document.Elements.Count; index++)
        {
            var element = document.Elements[index];
            if (element.KernelName is "markdown" or "md") continue;
            if (element.KernelName is not ("csharp" or "C#" or "c#"))
                return new NotebookRunResult(name, cells, $"{name}: cell {index}: kernel '{element.KernelName}' is not supported (C# only)", total.Elapsed);

            string code;
            try
            {
                code = LibraryReferences.Resolve(element.Contents, libraryFolder);
            }
            catch (NotebookFormatException e)
            {
                return new NotebookRunResult(name, cells, $"{name}: cell {index}: {e.Message}", total.Elapsed);
            }

            var clock = Stopwatch.StartNew();
            var result = await kernel.SendAsync(new SubmitCode(code));
            var outputs = result.Events.OfType<DisplayEvent>()
                .Where(e => e is not StandardOutputValueProduced and not StandardErrorValueProduced)
                .SelectMany(e => e.FormattedValues.Select(v => new CellOutput(v.MimeType, v.Value)))
                .ToList();
            var stdout = string.Concat(result.Events.OfType<StandardOutputValueProduced>().SelectMany(e => e.FormattedValues.Select(v => v.Value)));
            cells.Add(new CellRun(index, clock.Elapsed, outputs, stdout));

            var failure = result.Events.OfType<CommandFailed>().FirstOrDefault();
            if (failure is not null)
                return new NotebookRunResult(name, cells, $"{name}: cell {index}: {Describe(failure)}", total.Elapsed);
        }
        return new NotebookRunResult(name, cells, null, total.Elapsed);
    }

    private static string Describe(CommandFailed failure) =>
        failure.Exception is { } e ? $"{e.GetType().Name}: {e.Message}" : failure.Message;

    private static KernelInfoCollection CreateKernelInfos() => new()
    {
        new Microsoft.DotNet.Interactive.Documents.KernelInfo("csharp", "C#", ["c#", "C#"]),
        new Microsoft.DotNet.Interactive.Documents.KernelInfo("markdown", "Markdown", ["md"]),
    };
}
