using System.CommandLine;
using TorchSharp;
using Workbench.Core.Progress;
using Workbench.Core.Runtime;

namespace Workbench.Cli.Hosting;

/// <summary>What a verb needs from the command line: resolved device, seed, output and progress.</summary>
public sealed class CliContext
{
    private readonly string _deviceChoice;
    private torch.Device? _device;

    public CliContext(ParseResult parse, GlobalOptions options, TextWriter output, TextWriter error)
    {
        _deviceChoice = parse.GetValue(options.Device) ?? "auto";
        Seed = parse.GetValue(options.Seed);
        SeedGiven = parse.GetResult(options.Seed) is { Implicit: false };
        DeviceGiven = parse.GetResult(options.Device) is { Implicit: false };
        Threads = parse.GetValue(options.Threads);
        Verbose = parse.GetValue(options.Verbose);
        Output = output;
        Error = error;
        Progress = ProgressFactory.For(output);
    }

    public long Seed { get; }

    /// <summary>Whether --seed was on the command line (a verb with its own seed, like train's config, then takes it).</summary>
    public bool SeedGiven { get; }
    public int Threads { get; }
    public bool Verbose { get; }
    public TextWriter Output { get; }
    public TextWriter Error { get; }
    public IProgressSink Progress { get; }

    /// <summary>The device, resolved on first use so verbs that need none never touch native libraries.</summary>
    public torch.Device Device => _device ??= DeviceResolver.Resolve(_deviceChoice);

    public string DeviceChoice => _deviceChoice;

    /// <summary>Whether --device was on the command line: it then wins over a config's own "device".</summary>
    public bool DeviceGiven { get; }

    /// <summary>Where a run configured for <paramref name="configured"/> goes, and what asked for it (for the summary).</summary>
    public (torch.Device Device, string Request) DeviceFor(string configured) =>
        DeviceGiven || configured == "auto"
            ? (Device, DeviceGiven ? $"--device {_deviceChoice}" : "auto")
            : (DeviceResolver.Resolve(configured), $"config device {configured}");

    /// <summary>Applies seed and thread settings; verbs that compute call this first.</summary>
    public void ConfigureRuntime()
    {
        NativeEnvironment.Apply(nativeWarnings: Verbose);
        Workbench.Core.Runtime.Threads.Configure(Threads);
        Determinism.SeedEverything(Seed);
        _ = Device;
    }
}
