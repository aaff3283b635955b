using System.Text.Json.Nodes;
using Workbench.Interactive;
using Workbench.Interactive.Display;
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

            var executed = Path.Combine(folder, "executed.ipynb");
            log.WriteLine($"{notebook}: executed notebook {new FileInfo(executed).Length} bytes");
            var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray()
                .Where(cell => (string?)cell!["cell_type"] == "code")
                .Select(cell => cell!["outputs"]!.AsArray().ToList()).ToList();
            var outputs = cells.SelectMany(o => o).ToList();
            Assert.DoesNotContain(outputs, o => (string?)o!["output_type"] == "error");
            // plotly.js once, in the first cell's output (Start()); every chart is a div and a script that draws with it.
            Assert.Contains(Html(cells[0]), h => h.Contains(PlotlyLibrary.Marker, StringComparison.Ordinal));
            Assert.Single(Html(outputs), h => h.Contains(PlotlyLibrary.Marker, StringComparison.Ordinal));
            var charts = Html(outputs).Where(h => h.Contains("window.Plotly.newPlot(", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(charts);
            Assert.All(charts, h => Assert.DoesNotContain("<script src", h, StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Html(IEnumerable<JsonNode?> outputs) =>
        outputs.Select(o => o!["data"]?["text/html"]).OfType<JsonNode>()
            .Select(h => h is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)h ?? "").ToList();
}
