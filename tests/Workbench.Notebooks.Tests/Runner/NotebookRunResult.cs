namespace Workbench.Notebooks.Tests.Runner;

/// <summary>One formatted value a cell displayed or returned.</summary>
public sealed record CellOutput(string MimeType, string Value);

/// <summary>What one code cell produced and how long it took.</summary>
public sealed record CellRun(int Index, TimeSpan Elapsed, IReadOnlyList<CellOutput> Outputs, string StandardOutput);

/// <summary>A notebook executed cell by cell; <see cref="Error"/> names the first failing cell, or is null.</summary>
public sealed record NotebookRunResult(string Notebook, IReadOnlyList<CellRun> Cells, string? Error, TimeSpan Elapsed)
{
    public IEnumerable<CellOutput> Outputs => Cells.SelectMany(c => c.Outputs);
}
