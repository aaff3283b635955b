using System.Diagnostics;
using Workbench.Core.Runtime;

namespace Workbench.Tests.Core;

public class UnoptimizedJitTests
{
    [Fact]
    public void The_test_host_starts_with_unoptimised_jit_code() =>
        Assert.True(UnoptimizedJit.IsActive, $"{UnoptimizedJit.Variable} is not 1 here: tests/workbench.runsettings was not applied");

    [Theory]
    [InlineData(null, "managed JIT      unoptimised")]
    [InlineData("0", "managed JIT      optimised")]
    public void The_cli_relaunches_itself_unoptimised_unless_the_user_chose(string? userValue, string expectedLine)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "workbench.dll"));
        start.ArgumentList.Add("info");
        start.Environment.Remove(UnoptimizedJit.Variable);
        if (userValue is not null) start.Environment[UnoptimizedJit.Variable] = userValue;
        using var cli = Process.Start(start)!;
        var output = cli.StandardOutput.ReadToEnd();
        var error = cli.StandardError.ReadToEnd();
        cli.WaitForExit();
        Assert.True(cli.ExitCode == 0, error);
        Assert.Contains(expectedLine, output);
    }
}
