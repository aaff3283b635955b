using System.Diagnostics;
using System.Text.Json;

namespace Workbench.Notebooks.Tests.Formatting;

/// <summary>Decodes a PNG with Debian's python3-pil (an independent decoder that also checks the chunk CRCs).</summary>
public static class PillowDecoder
{
    public const string Python = "/usr/bin/python3";

    private const string Script = """
        import json, sys
        from PIL import Image
        path = sys.argv[1]
        with Image.open(path) as im:
            im.verify()
        with Image.open(path) as im:
            im.load()
            print(json.dumps({"mode": im.mode, "size": list(im.size), "pixels": [list(p) for p in im.getdata()]}))
        """;

    public static bool Available { get; } = Probe();

    public static (string Mode, int Width, int Height, int[][] Pixels) Decode(byte[] png)
    {
        var path = Path.Combine(Path.GetTempPath(), $"workbench-png-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, png);
        try
        {
            var (code, stdout, stderr) = RunPython(["-c", Script, path]);
            Assert.True(code == 0, $"PIL rejected the PNG: {stderr}");
            using var json = JsonDocument.Parse(stdout);
            var root = json.RootElement;
            var size = root.GetProperty("size");
            var pixels = root.GetProperty("pixels").EnumerateArray().Select(p => p.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
            return (root.GetProperty("mode").GetString()!, size[0].GetInt32(), size[1].GetInt32(), pixels);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool Probe() => File.Exists(Python) && RunPython(["-c", "import PIL"]).Code == 0;

    private static (int Code, string Stdout, string Stderr) RunPython(string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(Python, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}

/// <summary>A fact that needs python3-pil; skipped with a reason only where PIL cannot be imported.</summary>
public sealed class PillowFactAttribute : FactAttribute
{
    public PillowFactAttribute()
    {
        if (!PillowDecoder.Available) Skip = $"{PillowDecoder.Python} with PIL is not installed (apt install python3-pil)";
    }
}
