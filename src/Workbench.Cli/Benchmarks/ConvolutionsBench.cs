using System.CommandLine;
using TorchSharp;
using Workbench.Cli.Hosting;
using Workbench.Core.Benchmarks;
using Workbench.Core.Runtime;
using Workbench.Models.Codec;
using Workbench.Models.Nowcasting.Wadepre;
using Workbench.Training.Codec;
using static TorchSharp.torch;

namespace Workbench.Cli.Benchmarks;

/// <summary>
/// Training steps that run through convolutions (forward, backward and Adam step): the scale hyperprior at the
/// committed codec widths on 128^2 patches and WADEPre at the CPU widths on 64^2 radar sequences. oneDNN reads its
/// ISA cap once per process, so the cap's price is two runs of this suite, one with ONEDNN_MAX_CPU_ISA set by hand;
/// each result records the cap it ran under.
/// </summary>
public static class ConvolutionsBench
{
    private static readonly Option<int> Batch = new("--batch") { Description = "Samples per step.", DefaultValueFactory = _ => 4 };
    private static readonly Option<int> Repeats = new("--repeats") { Description = "Timed steps (median) after one warm-up step.", DefaultValueFactory = _ => 5 };

    public static BenchSuite Suite { get; } = new("convolutions",
        "Codec (scale hyperprior) and WADEPre training-step times under this process's oneDNN ISA cap.", [Batch, Repeats], Run);

    private static BenchReport Run(ParseResult parse, CliContext ctx)
    {
        var device = ctx.Device;
        var batch = parse.GetValue(Batch);
        var repeats = parse.GetValue(Repeats);
        var isa = Environment.GetEnvironmentVariable(OneDnnIsa.Variable) ?? OneDnnIsa.Cap;
        var results = new List<BenchResult>();

        manual_seed(ctx.Seed);
        using (var codec = CodecModels.Create(CodecModelId.Hyperprior, 32, 48))
        {
            codec.to(device);
            using var optimizer = optim.Adam(codec.parameters(), 1e-4);
            using var patches = rand(new long[] { batch, 3, 128, 128 }, device: device);
            var ms = 1e3 * Stopwatches.MedianSeconds(() => Step(optimizer, () => RateDistortion.Of(codec.forward(patches), patches, 0.01).Loss), repeats);
            results.Add(new BenchResult("hyperprior_train_step", new Dictionary<string, object>
            {
                ["n"] = 32, ["m"] = 48, ["batch"] = batch, ["patch"] = "128x128", ["onednn_isa"] = isa,
            }, ms, "ms"));
        }

        manual_seed(ctx.Seed);
        using (var wadepre = new WadepreModel(new WadepreOptions()))
        {
            wadepre.to(device);
            using var optimizer = optim.Adam(wadepre.parameters(), 1e-3);
            using var frames = rand(new long[] { batch, 6, 64, 64 }, device: device) * 255;
            using var future = rand(new long[] { batch, 6, 64, 64 }, device: device) * 255;
            var ms = 1e3 * Stopwatches.MedianSeconds(() => Step(optimizer, () =>
                wadepre.TrainingLossPerSample(frames, future, 0, (p, t) => (p - t).square().flatten(1).mean([1])).mean()), repeats);
            results.Add(new BenchResult("wadepre_train_step", new Dictionary<string, object>
            {
                ["batch"] = batch, ["frames"] = "6->6", ["grid"] = "64x64", ["onednn_isa"] = isa,
            }, ms, "ms"));
        }
        return new BenchReport("convolutions", device.ToString(), Threads.Current, results);
    }

    private static void Step(optim.Optimizer optimizer, Func<Tensor> loss)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        loss().backward();
        optimizer.step();
    }
}
