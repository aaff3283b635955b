using TorchSharp;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Workbench.Core.Errors;
using Workbench.Core.Runtime;
using Workbench.Models.Codec;
using static TorchSharp.torch;

namespace Workbench.Training.Codec;

/// <summary>
/// A trained model and the optimiser steps it took (fewer than asked when a time limit or a signal ended the run;
/// <paramref name="StoppedBy"/> names the signal).
/// </summary>
public sealed record CodecTrainingResult(LearnedImageCodec Model, int Steps, PosixSignal? StoppedBy = null);

/// <summary>
/// Trains a learned codec for one lambda; <paramref name="build"/> makes the model after seeding, so one seed reproduces the
/// run bit-for-bit on a CPU.
/// </summary>
public static class CodecTrainer
{
    public static CodecTrainingResult Train(Func<LearnedImageCodec> build, CodecTrainingOptions options, Action<string> log)
    {
        Determinism.SeedEverything(options.Seed);
        var device = options.Device ?? CPU;
        var model = build();
        model.to(device);
        model.train();
        var quantiles = model.named_parameters().Where(p => p.name.EndsWith("quantiles")).Select(p => p.parameter).ToArray();
        var main = model.named_parameters().Where(p => !p.name.EndsWith("quantiles")).Select(p => p.parameter).ToArray();
        var optimizer = optim.Adam(main, options.LearningRate);
        var auxOptimizer = optim.Adam(quantiles, options.AuxLearningRate);
        using var sampler = new PatchSampler(options.ImagesInDrawOrder, options.PatchSize, Determinism.ManagedRandom(options.Seed, "codec patches"));
        var clock = Stopwatch.StartNew();

        using var stopListener = StopRequest.Listen();
        var step = 0;
        while (step < options.Steps)
        {
            step++;
            using var scope = NewDisposeScope();
            var x = sampler.Next(options.BatchSize).to(device);
            using var output = model.forward(x);
            var (loss, bpp, mse) = RateDistortion.Of(output, x, options.Lambda);
            optimizer.zero_grad();
            loss.backward();
            if (!double.IsFinite(nn.utils.clip_grad_norm_(main, 1.0))) ReportDivergence(model, step);
            var progress = CodecLearningRate.Progress(step - 1, options.Steps, clock.Elapsed.TotalSeconds, options.MaxSeconds);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = CodecLearningRate.At(options.LearningRate, progress);
            optimizer.step();

            auxOptimizer.zero_grad();
            var aux = model.EntropyBottleneck.AuxLoss();
            aux.backward();
            auxOptimizer.step();

            var last = step == options.Steps || clock.Elapsed.TotalSeconds >= (options.MaxSeconds ?? double.PositiveInfinity) || StopRequest.IsRequested;
            if (step % options.LogEvery == 0 || last)
            {
                var psnr = 10 * Math.Log10(1 / mse.item<float>());
                log($"step {step}/{options.Steps}  loss {loss.item<float>():F4}  bpp {bpp.item<float>():F4}  psnr {psnr:F2} dB  aux {aux.item<float>():F2}  {clock.Elapsed.TotalSeconds:F0} s");
            }
            if (last) break;
        }
        model.to(CPU);
        model.eval();
        model.EntropyBottleneck.UpdateTables();
        return new CodecTrainingResult(model, step, StopRequest.Signal);
    }

    /// <summary>Called when the total gradient norm is not finite (one device sync per step instead of one per parameter).</summary>
    private static void ReportDivergence(LearnedImageCodec model, int step)
    {
        var bad = model.named_parameters().Where(p => p.parameter.grad is { } grad && !grad.isfinite().all().item<bool>()).Select(p => p.name);
        throw new WorkbenchException($"codec training diverged at step {step}: the gradients of {string.Join(", ", bad)} are not finite");
    }
}
