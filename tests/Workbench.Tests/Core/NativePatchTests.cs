using System.Diagnostics;

namespace Workbench.Tests.Core;

public class NativePatchTests
{
    private static string OutputCopy => Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");

    private static string PackageCopy
    {
        get
        {
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                           ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        }
    }

    private static bool SystemHasGlibcxx3432 =>
        File.Exists("/usr/lib/x86_64-linux-gnu/libstdc++.so.6") &&
        File.ReadAllText("/usr/lib/x86_64-linux-gnu/libstdc++.so.6").Contains("GLIBCXX_3.4.32");

    [Fact]
    public void OutputCopyMarksOnlyTheGlibcxx3432RequirementWeak()
    {
        Assert.True(OperatingSystem.IsLinux(), "the patch applies to Linux builds");
        var versions = Readelf(OutputCopy);
        var entry = versions.Single(line => line.Contains("Name: GLIBCXX_3.4.32"));
        if (SystemHasGlibcxx3432)
        {
            Assert.DoesNotContain("WEAK", entry);
            return;
        }
        Assert.Contains("Flags: WEAK", entry);
        Assert.DoesNotContain(versions, line => line.Contains("Name: GLIBCXX_3.4.30") && line.Contains("WEAK"));
    }

    [Fact]
    public void PatchChangesOneFlagByteAndLeavesThePackageCacheAlone()
    {
        Assert.True(File.Exists(PackageCopy), $"NuGet copy not found at {PackageCopy}");
        var original = File.ReadAllBytes(PackageCopy);
        var patched = File.ReadAllBytes(OutputCopy);
        Assert.Equal(original.Length, patched.Length);
        Assert.DoesNotContain(Readelf(PackageCopy), line => line.Contains("GLIBCXX_3.4.32") && line.Contains("WEAK"));
        var differing = Enumerable.Range(0, original.Length).Count(i => original[i] != patched[i]);
        Assert.Equal(SystemHasGlibcxx3432 ? 0 : 1, differing);
    }

    private static string[] Readelf(string path)
    {
        var start = new ProcessStartInfo("readelf", ["-V", "-W", path]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text.Split('\n');
    }
}
