using Workbench.Figures.Output;

namespace Workbench.Tests.Figures;

/// <summary>A fact that needs a local Chromium (CI installs Debian's chromium); skipped with the reason elsewhere.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!StaticImageExport.Available) Skip = "needs a local Chromium (apt install chromium)";
    }
}
