namespace Workbench.Figures.Charts;

/// <summary>
/// A titled 2-D field [rows, columns]. Signed panels (errors, differences) are drawn on a diverging colour map with a
/// range symmetric about 0; the others on viridis.
/// </summary>
public sealed record FieldPanel(string Title, float[,] Field, bool Signed = false);
