using TorchSharp;
using Workbench.Models.Nowcasting.UNet;
using Workbench.Models.Nowcasting.Wadepre;

namespace Workbench.Training.Config;

/// <summary>WADEPre (REFERENCES section 7); trains on its own loss, with the ZNCC weight decaying linearly from
/// zncc_start to zncc_end over curriculum_steps optimiser steps (zncc_start = zncc_end is the fixed-weight ablation).</summary>
public sealed record WadepreConfig : ModelConfig
{
    public int InputFrames { get; init; } = 6;
    public int OutputFrames { get; init; } = 6;
    public int ApproximationWidth { get; init; } = 48;
    public int DetailWidth { get; init; } = 24;
    public int RefinerWidth { get; init; } = 24;
    public int Groups { get; init; } = 4;
    public double DetailWeight { get; init; } = 0.05;
    public double MixWeight { get; init; } = 0.01;
    public double ZnccStart { get; init; } = 1.0;
    public double ZnccEnd { get; init; } = 0.05;
    public long CurriculumSteps { get; init; } = 5000;

    private WadepreOptions Options => new(InputFrames, OutputFrames, ApproximationWidth, DetailWidth, RefinerWidth, Groups,
        DetailWeight: DetailWeight, MixWeight: MixWeight, Curriculum: new CurriculumSchedule(ZnccStart, ZnccEnd, CurriculumSteps));

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new WadepreModel(Options);
    public override string? CheckShapes(long[] inputSample, long[] targetSample) => WadepreModel.CheckShapes(Options, inputSample, targetSample);

    public override IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[] { ("input_frames", InputFrames), ("output_frames", OutputFrames), ("approximation_width", ApproximationWidth),
                     ("detail_width", DetailWidth), ("refiner_width", RefinerWidth), ("groups", Groups) })
            if (value < 1) yield return $"{name}: expected a positive integer, got {value}";
        if (ApproximationWidth % Math.Max(1, Groups) != 0) yield return $"approximation_width: {ApproximationWidth} is not divisible by groups = {Groups}";
        if (CurriculumSteps < 0) yield return $"curriculum_steps: expected a non-negative integer, got {CurriculumSteps}";
    }
}

/// <summary>The plain U-Net nowcasting baseline (frames as channels).</summary>
public sealed record UNetNowcastConfig : ModelConfig
{
    public int InputFrames { get; init; } = 6;
    public int OutputFrames { get; init; } = 6;
    public int Width { get; init; } = 16;
    public int Depth { get; init; } = 3;
    public int Groups { get; init; } = 4;

    private UNetOptions Options => new(InputFrames, OutputFrames, Width, Depth, Groups);

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new UNetNowcaster(Options);
    public override string? CheckShapes(long[] inputSample, long[] targetSample) => UNetNowcaster.CheckShapes(Options, inputSample, targetSample);

    public override IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[] { ("input_frames", InputFrames), ("output_frames", OutputFrames), ("width", Width), ("depth", Depth), ("groups", Groups) })
            if (value < 1) yield return $"{name}: expected a positive integer, got {value}";
        if (Width % Math.Max(1, Groups) != 0) yield return $"width: {Width} is not divisible by groups = {Groups}";
    }
}
