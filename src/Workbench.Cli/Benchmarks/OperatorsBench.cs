using System.CommandLine;
using TorchSharp;
using Workbench.Cli.Hosting;
using Workbench.Core.Benchmarks;
using Workbench.Models.Operators.Afno;
using Workbench.Models.Operators.Fno;
using Workbench.Models.Operators.T1;
using Workbench.Training.Losses;
using static TorchSharp.torch;

namespace Workbench.Cli.Benchmarks;

/// <summary>
/// Training-step cost (forward + backward of the relative L2 loss, one batch) of T1 against FNO at the T1 paper's
/// sizes (FNO: modes 24, width 32, 6 layers; T1: modes 24, width 48, 8 layers, trained against the transformed
/// target), and of the AFNO token mixer against multi-head self-attention of the same width.
/// </summary>
public static class OperatorsBench
{
    private static readonly Option<int[]> Resolutions = new("--resolutions")
    {
        Description = "Grids for FNO vs T1.", DefaultValueFactory = _ => [64, 128, 256], AllowMultipleArgumentsPerToken = true,
    };
    private static readonly Option<int[]> Tokens = new("--tokens")
    {
        Description = "Token counts (square grids) for AFNO vs attention.", DefaultValueFactory = _ => [256, 1024, 4096, 16384], AllowMultipleArgumentsPerToken = true,
    };
    private static readonly Option<int> Batch = new("--batch") { Description = "Samples per batch (FNO vs T1).", DefaultValueFactory = _ => 4 };
    private static readonly Option<int> Repeats = new("--repeats") { Description = "Timed repetitions (median).", DefaultValueFactory = _ => 3 };

    public static BenchSuite Suite { get; } = new("operators", "T1 vs FNO training-step time by resolution; AFNO mixer vs self-attention time and peak host memory by token count.",
        [Resolutions, Tokens, Batch, Repeats], Run);

    private static BenchReport Run(ParseResult parse, CliContext ctx)
    {
        var device = ctx.Device;
        var repeats = parse.GetValue(Repeats);
        var batch = parse.GetValue(Batch);
        var results = new List<BenchResult>();
        foreach (var n in parse.GetValue(Resolutions)!)
        {
            manual_seed(ctx.Seed);
            using var fno = new FnoOperator(new FnoOptions(10, 40, [24, 24], Width: 32, Layers: 6));
            using var t1 = new T1Operator(new T1Options(10, 40, Width: 48, Modes1: 24, Modes2: 24, Layers: 8, InitResolution: n));
            fno.to(device);
            t1.to(device);
            using var x = randn(new long[] { batch, 10, n, n }, device: device);
            using var y = randn(new long[] { batch, 40, n, n }, device: device);
            var fnoMs = 1e3 * Stopwatches.MedianSeconds(() => Step(() => FieldLosses.RelativeL2PerSample(fno.forward(x), y), fno, device), repeats);
            var t1Ms = 1e3 * Stopwatches.MedianSeconds(() => Step(() => t1.RelativeL2PerSample(x, y), t1, device), repeats);
            var parameters = new Dictionary<string, object> { ["grid"] = $"{n}x{n}", ["batch"] = batch, ["channels"] = "10->40" };
            results.Add(new BenchResult("fno2d_train_step", parameters, fnoMs, "ms"));
            results.Add(new BenchResult("t1_train_step", parameters, t1Ms, "ms", "fno2d_train_step", fnoMs));
        }
        foreach (var tokens in parse.GetValue(Tokens)!)
        {
            var side = (int)Math.Round(Math.Sqrt(tokens));
            manual_seed(ctx.Seed);
            using var afno = new AfnoMixer(128, blocks: 8);
            using var attention = new SelfAttentionMixer(128, heads: 8);
            afno.to(device);
            attention.to(device);
            using var grid = randn(new long[] { 1, side, side, 128 }, device: device);
            using var sequence = grid.reshape(1, side * side, 128);
            void AfnoStep() => Step(() => afno.forward(grid).square().mean(), afno, device);
            void AttentionStep() => Step(() => attention.forward(sequence).square().mean(), attention, device);
            var afnoMs = 1e3 * Stopwatches.MedianSeconds(AfnoStep, repeats);
            var attentionMs = 1e3 * Stopwatches.MedianSeconds(AttentionStep, repeats);
            var parameters = new Dictionary<string, object> { ["tokens"] = side * side, ["width"] = 128, ["blocks_or_heads"] = 8 };
            results.Add(new BenchResult("self_attention_step", parameters, attentionMs, "ms"));
            results.Add(new BenchResult("afno_mixer_step", parameters, afnoMs, "ms", "self_attention_step", attentionMs));
            // Resident memory only measures host allocations; TorchSharp exposes no CUDA allocator statistics.
            if (device.type != DeviceType.CPU) continue;
            var afnoBytes = PeakMemory.AddedBytes(AfnoStep);
            var attentionBytes = PeakMemory.AddedBytes(AttentionStep);
            if (afnoBytes is not { } a || attentionBytes is not { } m) continue;
            results.Add(new BenchResult("self_attention_peak_memory", parameters, m / 1048576.0, "MiB"));
            results.Add(new BenchResult("afno_mixer_peak_memory", parameters, a / 1048576.0, "MiB", "self_attention_peak_memory", m / 1048576.0));
        }
        return new BenchReport("operators", device.ToString(), Workbench.Core.Runtime.Threads.Current, results);
    }

    /// <summary>One forward+backward pass; on CUDA it waits for the queued kernels so the clock measures the work.</summary>
    private static void Step(Func<Tensor> loss, nn.Module model, Device device)
    {
        using var scope = NewDisposeScope();
        model.zero_grad();
        loss().mean().backward();
        if (device.type == DeviceType.CUDA) cuda.synchronize(device);
    }
}
