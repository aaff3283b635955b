using System.Net;
using Workbench.Interactive.Display;

namespace Workbench.Interactive;

/// <summary>The result of <see cref="WorkbenchNotebook.Start"/>: a line on what was loaded; shown with plotly.js inlined after it.</summary>
public sealed record NotebookSession(string Description)
{
    public override string ToString() => Description;

    public string ToHtml() => $"<pre>{WebUtility.HtmlEncode(Description)}</pre>\n{PlotlyLibrary.Html}";
}
