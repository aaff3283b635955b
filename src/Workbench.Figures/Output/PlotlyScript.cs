using Plotly.NET;
using Workbench.Core.IO;

namespace Workbench.Figures.Output;

/// <summary>The plotly.js that Plotly.NET carries as a resource: written once beside figure pages, or inlined once in a notebook.</summary>
public static class PlotlyScript
{
    public const string FileName = "plotly.min.js";

    public static string Version => Globals.PLOTLYJS_VERSION;

    private static readonly Lazy<byte[]> Bytes = new(Load);

    public static string Text => System.Text.Encoding.UTF8.GetString(Bytes.Value);

    /// <summary>Writes the script to <paramref name="path"/> unless an identical copy is there.</summary>
    public static void WriteTo(string path)
    {
        var bytes = Bytes.Value;
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllBytes(path, bytes);
    }

    private static byte[] Load()
    {
        var name = $"Plotly.NET.plotly-{Version}.min.js";
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"Plotly.NET carries no resource '{name}'");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
