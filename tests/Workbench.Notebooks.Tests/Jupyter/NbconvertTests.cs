using System.Text.Json.Nodes;
using Workbench.Interactive;
using Workbench.Notebooks.Tests.Notebooks;
using Workbench.Notebooks.Tests.Runner;
using Xunit.Abstractions;

namespace Workbench.Notebooks.Tests.Jupyter;

/// <summary>
/// Every notebooks/*.ipynb executed the way a Jupyter user runs it: <c>jupyter nbconvert --execute</c> with the
/// .NET Interactive kernel, in quick mode. The copy that runs has its <c>#r "../artifacts/notebook-libs/X.dll"</c>
/// lines pointed at this test's output folder (the same assemblies and patched natives) and sits in a folder inside
/// the repository (runs/, git-ignored), so the notebooks find data/ and models/ as they do from notebooks/.
/// </summary>
[Collection(NotebookCollection.Name)]
public class NbconvertTests(ITestOutputHelper log)
{
    public static TheoryData<string> Notebooks() => NotebookTests.Notebooks();

    [JupyterTheory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_executes_with_nbconvert_and_the_dotnet_kernel(string notebook)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "runs", "notebooks-jupyter", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var source = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, notebook)))!;
            foreach (var cell in source["cells"]!.AsArray())
            {
                if ((string?)cell!["cell_type"] != "code") continue;
                var text = string.Concat(cell["source"]!.AsArray().Select(line => (string?)line));
                cell["source"] = new JsonArray(LibraryReferences.Resolve(text, RepositoryPaths.LibraryFolder));
            }
            File.WriteAllText(Path.Combine(folder, notebook), source.ToJsonString());

            var environment = new Dictionary<string, string>
            {
                [WorkbenchNotebook.QuickVariable] = "1",
                [WorkbenchNotebook.RunsVariable] = Path.Combine(folder, "runs"),
            };
            var (code, stdout, stderr) = JupyterKernel.Run(folder, environment, TimeSpan.FromMinutes(15),
                "nbconvert", "--to", "notebook", "--execute", notebook, "--output", "executed.ipynb",
                $"--ExecutePreprocessor.kernel_name={JupyterKernel.Name}", "--ExecutePreprocessor.timeout=600");
            log.WriteLine(stderr);
            Assert.True(code == 0, $"nbconvert exited with {code}: {stderr}{stdout}");

            var outputs = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "executed.ipynb")))!["cells"]!.AsArray()
                .Where(cell => (string?)cell!["cell_type"] == "code")
                .SelectMany(cell => cell!["outputs"]!.AsArray()).ToList();
            Assert.DoesNotContain(outputs, o => (string?)o!["output_type"] == "error");
            var html = outputs.Select(o => o!["data"]?["text/html"]).OfType<JsonNode>()
                .Select(h => h is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)h ?? "").ToList();
            Assert.Contains(html, h => h.Contains("<svg", StringComparison.Ordinal) || h.Contains("data:image/png;base64,", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
