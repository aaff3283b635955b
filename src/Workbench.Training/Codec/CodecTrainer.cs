using System.Diagnostics;
using Workbench.Core.Errors;
using Workbench.Core.Runtime;
using Workbench.Models.Codec;
using static TorchSharp.torch;

namespace Workbench.Training.Codec;

/// <summary>Trains a <see cref="ScaleHyperprior"/> for one lambda; one seed reproduces the run bit-for-bit on a CPU.</summary>
public static class CodecTrainer
{
    public static ScaleHyperprior Train(ScaleHyperpriorOptions modelOptions, CodecTrainingOptions options, Action<string> log)
    {
        Determinism.SeedEverything(options.Seed);
        var model = new ScaleHyperprior(modelOptions);
        model.train();
        var quantiles = model.named_parameters().Where(p => p.name.EndsWith("quantiles")).Select(p => p.parameter).ToArray();
        var main = model.named_parameters().Where(p => !p.name.EndsWith("quantiles")).Select(p => p.parameter).ToArray();
        var optimizer = optim.Adam(main, options.LearningRate);
        var auxOptimizer = optim.Adam(quantiles, options.AuxLearningRate);
        using var sampler = new PatchSampler(options.Images, options.PatchSize, Determinism.ManagedRandom(options.Seed, "codec patches"));
        var clock = Stopwatch.StartNew();
        var pixels = (double)options.BatchSize * options.PatchSize * options.PatchSize;

        for (var step = 1; step <= options.Steps; step++)
        {
            using var scope = NewDisposeScope();
            var x = sampler.Next(options.BatchSize);
            using var output = model.forward(x);
            var bpp = -(output.YLikelihoods.log2().sum() + output.ZLikelihoods.log2().sum()) / pixels;
            var mse = (output.Reconstruction - x).square().mean();
            var loss = options.Lambda * 255 * 255 * mse + bpp;
            optimizer.zero_grad();
            loss.backward();
            CheckFinite(model, step);
            nn.utils.clip_grad_norm_(main, 1.0);
            optimizer.step();

            auxOptimizer.zero_grad();
            var aux = model.EntropyBottleneck.AuxLoss();
            aux.backward();
            auxOptimizer.step();

            if (step % options.LogEvery == 0 || step == options.Steps)
            {
                var psnr = 10 * Math.Log10(1 / mse.item<float>());
                log($"step {step}/{options.Steps}  loss {loss.item<float>():F4}  bpp {bpp.item<float>():F4}  psnr {psnr:F2} dB  aux {aux.item<float>():F2}  {clock.Elapsed.TotalSeconds:F0} s");
            }
        }
        model.eval();
        model.EntropyBottleneck.UpdateTables();
        return model;
    }

    private static void CheckFinite(ScaleHyperprior model, int step)
    {
        var bad = model.named_parameters().Where(p => p.parameter.grad is { } grad && !grad.isfinite().all().item<bool>()).Select(p => p.name).ToArray();
        if (bad.Length > 0)
            throw new WorkbenchException($"codec training diverged at step {step}: the gradients of {string.Join(", ", bad)} are not finite");
    }
}
