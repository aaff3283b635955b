using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using Workbench.Core.Runtime;
using Workbench.Models.Codec;
using Workbench.Training.Engine;
using static TorchSharp.torch;

namespace Workbench.Training.Codec;

/// <summary>
/// A <see cref="CodecExperimentConfig"/> as rounds of the <see cref="TrainingEngine"/>: round r runs steps
/// (r - 1) C + 1 .. r C of the configured steps (C = checkpoint_every). Step s reseeds TorchSharp (the quantisation
/// noise) and draws its patches (and a variable-rate model's quality level) from (seed, s), and the learning rate is a
/// function of s, so a resumed run continues exactly. A round's metrics are the means over its steps of the loss, bpp and aux loss, and the PSNR of the mean MSE.
/// </summary>
public sealed class CodecTask : ITrainingTask
{
    private readonly CodecExperimentConfig _config;
    private readonly LearnedImageCodec _model;
    private readonly Parameter[] _main;
    private readonly OptimizerHelper _optimizer;
    private readonly OptimizerHelper _auxOptimizer;
    private readonly PatchSampler _sampler;
    private readonly Device _device;

    private CodecTask(CodecExperimentConfig config, IReadOnlyList<string> images, Device device)
    {
        (_config, _device) = (config, device);
        _sampler = new PatchSampler(images, config.PatchSize);
        Determinism.SeedEverything(config.Seed);
        _model = config.InitFrom is { } folder ? StartingModel(config, folder) : FreshModel(config);
        _model.to(device);
        _model.train();
        var quantiles = _model.named_parameters().Where(p => p.name.EndsWith("quantiles")).Select(p => p.parameter).ToArray();
        _main = _model.named_parameters().Where(p => !p.name.EndsWith("quantiles")).Select(p => p.parameter).ToArray();
        _optimizer = optim.Adam(_main, config.Lr);
        _auxOptimizer = optim.Adam(quantiles, config.AuxLr);
        DataDescription = $"{images.Count} PNG images ({string.Join(", ", config.Images)}), {config.PatchSize} x {config.PatchSize} patches";
    }

    private static LearnedImageCodec StartingModel(CodecExperimentConfig config, string folder) => (config.RateLevels, config.InitQuality) switch
    {
        (null, _) => CodecCheckpoints.LoadWeights(folder, config.ModelId, (byte)config.Quality, config.Model.N, config.Model.M, config.Model.EntropyModel,
            hcfssnet: config.Model.Hcfssnet),
        (var levels, { } start) => CodecCheckpoints.LoadWeights(folder, config.ModelId, (byte)start, config.Model.N, config.Model.M, config.Model.EntropyModel,
            levels, config.Lambdas, config.Model.Hcfssnet),
        (var levels, null) => CodecCheckpoints.LoadVariableRateWeights(folder, config.ModelId, config.Model.N, config.Model.M, levels, config.Model.EntropyModel,
            config.Model.Hcfssnet),
    };

    /// <summary>
    /// A new model; a variable-rate one starts its levels' gains at <see cref="GainUnits.StepSizeLogGains"/> of the
    /// lambdas' geometric mean, so that the levels start at distinct quantisation steps instead of all at the same one.
    /// </summary>
    private static LearnedImageCodec FreshModel(CodecExperimentConfig config)
    {
        var model = CodecModels.Create(config.ModelId, config.Model.N, config.Model.M, config.RateLevels, config.Model.EntropyModel, config.Model.Hcfssnet);
        if (config.Lambdas is { } lambdas)
            model.Gains!.Start(GainUnits.StepSizeLogGains(lambdas, Math.Exp(lambdas.Average(Math.Log))));
        return model;
    }

    public static CodecTask Create(CodecExperimentConfig config, Device device) => new(config, TrainingImages.Resolve(config.Images), device);

    public string Name => _config.Name;
    public long Seed => _config.Seed;
    public string RoundName => "round";
    public int Rounds => (_config.Steps + _config.CheckpointEvery - 1) / _config.CheckpointEvery;
    public int CheckpointEvery => 1;
    public nn.Module Model => _model;
    public IReadOnlyList<OptimizerHelper> Optimizers => [_optimizer, _auxOptimizer];
    public JsonObject Spec => new();
    public RoundSelection? Selection => null;
    public string DataDescription { get; }

    public LearnedImageCodec Codec => _model;

    public RoundResult Run(int round, long step, RoundContext context)
    {
        var end = Math.Min((long)round * _config.CheckpointEvery, _config.Steps);
        var first = step;
        double lossSum = 0, bppSum = 0, mseSum = 0, auxSum = 0, lr = 0;
        _model.train();
        for (; step < end; step++)
        {
            using var scope = NewDisposeScope();
            manual_seed(Determinism.DeriveSeed(_config.Seed, $"codec step:{step}"));
            var x = _sampler.Next(_config.BatchSize, Determinism.ManagedRandom(_config.Seed, $"codec patches:{step}")).to(_device);
            var (quality, lambda) = RateAt(step);
            using var output = _model.forward(x, quality);
            var (loss, bpp, mse) = RateDistortion.Of(output, x, lambda);
            _optimizer.zero_grad();
            loss.backward();
            if (!double.IsFinite(nn.utils.clip_grad_norm_(_main, 1.0))) ReportDivergence(step + 1);
            lr = CodecLearningRate.At(_config.Lr, (double)step / _config.Steps);
            foreach (var group in _optimizer.ParamGroups) group.LearningRate = lr;
            _optimizer.step();

            _auxOptimizer.zero_grad();
            var aux = _model.EntropyBottleneck.AuxLoss();
            aux.backward();
            _auxOptimizer.step();

            lossSum += loss.item<float>();
            bppSum += bpp.item<float>();
            mseSum += mse.item<float>();
            auxSum += aux.item<float>();
            context.Progress.Report($"{_config.Name} round {round}/{Rounds}", step + 1 - (round - 1L) * _config.CheckpointEvery,
                end - (round - 1L) * _config.CheckpointEvery, $"loss {loss.item<float>():G4}");
            context.AfterStep((int)(step + 1 - first));
        }
        var count = end - first;
        return new RoundResult(end, lr,
        [
            new("loss", lossSum / count), new("bpp", bppSum / count), new("psnr", 10 * Math.Log10(count / mseSum)), new("aux", auxSum / count),
        ]);
    }

    /// <summary>The quality a step trains and its lambda: a variable-rate model's level is drawn uniformly from (seed, step).</summary>
    private (CodecQuality? Quality, double Lambda) RateAt(long step)
    {
        if (_config.Lambdas is not { } lambdas) return (null, _config.Lambda);
        var level = Determinism.ManagedRandom(_config.Seed, $"codec level:{step}").Next(lambdas.Count);
        return (new CodecQuality(100 * (_config.Quality + level), VariableRate: true), lambdas[level]);
    }

    /// <summary>Called when the total gradient norm is not finite (one device sync per step instead of one per parameter).</summary>
    private void ReportDivergence(long step)
    {
        var bad = _model.named_parameters().Where(p => p.parameter.grad is { } grad && !grad.isfinite().all().item<bool>()).Select(p => p.name);
        throw new WorkbenchException($"codec training diverged at step {step}: the gradients of {string.Join(", ", bad)} are not finite");
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _auxOptimizer.Dispose();
        _sampler.Dispose();
        _model.Dispose();
    }
}
