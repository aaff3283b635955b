using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Core.Runtime;

namespace Workbench.Tests.Cli;

// The CLI sets process-wide TorchSharp state (threads, seed): run alone.
[Collection(Training.TrainingRunCollection.Name)]
public class RootCommandTests
{
    [Fact]
    public void InfoReportsLoadedNativesAndCpu()
    {
        var result = CliRunner.Run("info", "--device", "cpu", "--threads", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("native libtorch  loaded", result.Output);
        Assert.Contains("device           cpu", result.Output);
        Assert.Contains("threads          1", result.Output);
    }

    [Fact]
    public void CudaRequestWithoutCudaIsOneLineUserError()
    {
        var result = CliRunner.Run("--device", "cuda", "info");
        if (DeviceResolver.CudaAvailable())
        {
            Assert.Equal(0, result.ExitCode);
            return;
        }
        Assert.Equal(WorkbenchApp.UserError, result.ExitCode);
        Assert.Equal("", result.Output);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("CUDA is not available", line);
    }

    [Fact]
    public void UnknownOptionIsUsageError()
    {
        var result = CliRunner.Run("info", "--no-such-option");
        Assert.Equal(WorkbenchApp.UsageError, result.ExitCode);
        Assert.Contains("--no-such-option", result.Error);
    }

    [Fact]
    public void BadDeviceNameIsUserError()
    {
        var result = CliRunner.Run("--device", "tpu", "info");
        Assert.Equal(WorkbenchApp.UserError, result.ExitCode);
        Assert.Contains("--device", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void EveryVerbHasHelp()
    {
        var root = WorkbenchApp.BuildRoot(TextWriter.Null, TextWriter.Null);
        var paths = new List<string[]>();
        void Walk(Command command, string[] prefix)
        {
            foreach (var sub in command.Subcommands)
            {
                var path = prefix.Append(sub.Name).ToArray();
                paths.Add(path);
                Walk(sub, path);
            }
        }
        Walk(root, []);
        Assert.NotEmpty(paths);
        foreach (var path in paths)
        {
            var result = CliRunner.Run([.. path, "--help"]);
            Assert.True(result.ExitCode == 0, $"{string.Join(' ', path)} --help exited {result.ExitCode}: {result.Error}");
            Assert.Contains("Usage:", result.Output);
            Assert.Contains(path[^1], result.Output);
        }
    }
}
