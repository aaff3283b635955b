using System.CommandLine;
using System.Runtime.InteropServices;
using Workbench.Cli.Hosting;
using Workbench.Core.Runtime;

namespace Workbench.Cli.Commands;

/// <summary><c>workbench info</c>: versions, device, threads and the state of the native libraries.</summary>
public static class InfoCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("info", "Show versions, the selected device, thread count and native library status.");
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            var status = NativeStatus.Probe();
            var o = ctx.Output;
            o.WriteLine($"workbench        {typeof(InfoCommand).Assembly.GetName().Version}");
            o.WriteLine($".NET             {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})");
            o.WriteLine($"TorchSharp       {status.TorchSharpVersion}");
            o.WriteLine($"native libtorch  {(status.Loaded ? "loaded" : "FAILED: " + status.LoadError)}");
            o.WriteLine($"CUDA             {(status.CudaAvailable ? $"available ({status.CudaDevices} device(s))" : "not available")}");
            o.WriteLine($"device           {ctx.Device} (requested {ctx.DeviceChoice})");
            o.WriteLine($"threads          {Threads.Current}");
            o.WriteLine($"managed JIT      optimised; TorchSharp's wrappers {(TorchSharpArguments.KeptAlive ? "unoptimised (keep native arguments alive)" : "OPTIMISED: not the build's TorchSharp.dll, native calls can fail at random")}");
            o.WriteLine($"seed             {ctx.Seed}");
            return 0;
        });
        return command;
    }
}
