using System.Text.Json.Nodes;

namespace Workbench.Notebooks.Tests.Notebooks;

/// <summary>Writes a small nbformat-4 notebook (C# code cells, markdown cells starting with "md:") to a temp folder.</summary>
public sealed class TempNotebook : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("workbench-nb-").FullName;

    public TempNotebook(params string[] cells)
    {
        var cellArray = new JsonArray();
        foreach (var cell in cells)
        {
            var markdown = cell.StartsWith("md:", StringComparison.Ordinal);
            var node = new JsonObject
            {
                ["cell_type"] = markdown ? "markdown" : "code",
                ["metadata"] = markdown ? new JsonObject() : new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" } },
                ["source"] = new JsonArray(markdown ? cell[3..] : cell),
            };
            if (!markdown)
            {
                node["execution_count"] = null;
                node["outputs"] = new JsonArray();
            }
            cellArray.Add(node);
        }
        var notebook = new JsonObject
        {
            ["cells"] = cellArray,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "C#" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        Path = System.IO.Path.Combine(_folder, "temp.ipynb");
        File.WriteAllText(Path, notebook.ToJsonString());
    }

    public string Path { get; }

    public string Folder => _folder;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
