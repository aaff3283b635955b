using Workbench.Interactive.Display;
using Workbench.Notebooks.Tests.Runner;

namespace Workbench.Notebooks.Tests.Notebooks;

[Collection(NotebookCollection.Name)]
public class RunnerTests
{
    private static Task<NotebookRunResult> Run(TempNotebook notebook) => NotebookRunner.RunAsync(notebook.Path, RepositoryPaths.LibraryFolder);

    [Fact]
    public async Task A_throwing_cell_fails_the_run_and_names_the_cell()
    {
        using var notebook = new TempNotebook(
            "md:# a notebook that fails",
            "var a = 41;",
            "if (a + 1 == 42) throw new InvalidOperationException(\"boom in the third cell\");",
            "System.IO.File.WriteAllText(\"never-written.txt\", \"x\");");
        var result = await Run(notebook);
        Assert.NotNull(result.Error);
        Assert.StartsWith("temp.ipynb: cell 2: ", result.Error);
        Assert.Contains("boom in the third cell", result.Error);
        Assert.Equal([1, 2], result.Cells.Select(c => c.Index));
        Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "never-written.txt")));
    }

    [Fact]
    public async Task A_compile_error_fails_the_run()
    {
        using var notebook = new TempNotebook("int x = \"not a number\";");
        var result = await Run(notebook);
        Assert.NotNull(result.Error);
        Assert.StartsWith("temp.ipynb: cell 0: ", result.Error);
        Assert.Contains("CS0029", result.Error);
    }

    [Fact]
    public async Task A_reference_outside_the_workbench_build_fails_the_run()
    {
        using var notebook = new TempNotebook("#r \"../artifacts/notebook-libs/Missing.Library.dll\"\nvar a = 1;");
        var result = await Run(notebook);
        Assert.Equal($"temp.ipynb: cell 0: #r \"../artifacts/notebook-libs/Missing.Library.dll\": Missing.Library.dll is not in the workbench build output {RepositoryPaths.LibraryFolder}", result.Error);
        Assert.Empty(result.Cells);
    }

    [Fact]
    public async Task Passing_cells_run_in_order_and_share_state()
    {
        using var notebook = new TempNotebook("var total = 0;", "for (var i = 1; i <= 10; i++) total += i;", "Console.Write(total); total");
        var result = await Run(notebook);
        Assert.Null(result.Error);
        Assert.Equal("55", result.Cells[2].StandardOutput);
        Assert.Contains("<pre>55</pre>", Assert.Single(result.Cells[2].Outputs).Value);
    }

    [Fact]
    public async Task The_workbench_first_cell_loads_torch_and_the_formatters_draw_tensors_inline()
    {
        using var notebook = new TempNotebook(
            string.Join("\n", new[] { "TorchSharp", "Workbench.Core", "Workbench.Interactive" }.Select(d => $"#r \"../artifacts/notebook-libs/{d}.dll\"")) +
            "\nWorkbench.Interactive.WorkbenchNotebook.Start()",
            "using TorchSharp;\ndisplay(torch.arange(12, torch.float32).reshape(3, 4));\ndisplay(torch.linspace(0, 1, 5));");
        var result = await Run(notebook);
        Assert.Null(result.Error);
        var start = Assert.Single(result.Cells[0].Outputs, o => o.MimeType == "text/html").Value;
        Assert.Contains("torch.ones(2).sum() = 2", start);
        Assert.Contains(PlotlyLibrary.Marker, start);
        var html = result.Cells[1].Outputs.Where(o => o.MimeType == "text/html").Select(o => o.Value).ToList();
        Assert.Equal(2, html.Count);
        Assert.Contains("\"type\":\"heatmap\"", html[0]);
        Assert.Contains("\"text\":\"3 x 4\"", html[0]);
        Assert.Contains("\"type\":\"scatter\"", html[1]);
        Assert.All(html, h => Assert.DoesNotContain(PlotlyLibrary.Marker, h));
    }

    [Fact]
    public async Task Figures_of_the_paper_builders_display_with_the_interactive_references_alone()
    {
        using var notebook = new TempNotebook(
            string.Join("\n", new[] { "TorchSharp", "Workbench.Core", "Workbench.Interactive" }.Select(d => $"#r \"../artifacts/notebook-libs/{d}.dll\"")) +
            "\nWorkbench.Interactive.WorkbenchNotebook.Start()",
            "using TorchSharp;\nusing Workbench.Interactive.Display;\nvar truth = torch.arange(4, torch.float32).reshape(2, 2);\n" +
            "display(Heatmaps.Error(truth - 1.5f, \"error\"));\nHeatmaps.Compare(\"truth and prediction\", truth, truth * 2)");
        var result = await Run(notebook);
        Assert.Null(result.Error);
        var html = result.Cells[1].Outputs.Where(o => o.MimeType == "text/html").Select(o => o.Value).ToList();
        Assert.Equal(2, html.Count);
        Assert.Contains("\"zmin\":-1.5,\"zmax\":1.5", html[0]);
        Assert.Equal(3, html[1].Split("\"type\":\"heatmap\"").Length - 1);
    }
}
