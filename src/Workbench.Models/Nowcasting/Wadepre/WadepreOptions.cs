using System.Text.Json.Serialization;
using TorchSharp;
using Workbench.Models.Specs;

namespace Workbench.Models.Nowcasting.Wadepre;

/// <summary>
/// WADEPre sized for CPU training (REFERENCES section 7): frames [B, InputFrames, H, W] on the uint8 VIL scale in,
/// [B, OutputFrames, H, W] out. Widths scale each sub-network; the loss weights and curriculum follow the paper: the
/// ZNCC weight decays linearly from ZnccStart to ZnccEnd over CurriculumSteps optimiser steps (ZnccStart = ZnccEnd is
/// the fixed-weight ablation).
/// </summary>
public sealed record WadepreOptions(
    int InputFrames = 6,
    int OutputFrames = 6,
    int ApproximationWidth = 48,
    int DetailWidth = 24,
    int RefinerWidth = 24,
    int Groups = 4,
    int Levels = 3,
    string Wavelet = "bior2.4",
    double DetailWeight = 0.05,
    double MixWeight = 0.01,
    double ZnccStart = 1.0,
    double ZnccEnd = 0.05,
    long CurriculumSteps = 5000) : ModelSpec
{
    [JsonIgnore]
    public CurriculumSchedule Schedule => new(ZnccStart, ZnccEnd, CurriculumSteps);

    public override string Kind => "wadepre";

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new WadepreModel(this);

    public override string? CheckShapes(long[] inputSample, long[] targetSample) => WadepreModel.CheckShapes(this, inputSample, targetSample);

    public override IEnumerable<string> Problems()
    {
        foreach (var p in NonPositive(("input_frames", InputFrames), ("output_frames", OutputFrames), ("approximation_width", ApproximationWidth),
                     ("detail_width", DetailWidth), ("refiner_width", RefinerWidth), ("groups", Groups), ("levels", Levels)))
            yield return p;
        if (ApproximationWidth % Math.Max(1, Groups) != 0) yield return $"approximation_width: {ApproximationWidth} is not divisible by groups = {Groups}";
        if (CurriculumSteps < 0) yield return $"curriculum_steps: expected a non-negative integer, got {CurriculumSteps}";
        if (!Spectral.Wavelets.Wavelet.Known(Wavelet)) yield return $"wavelet: unknown wavelet '{Wavelet}'";
    }
}

/// <summary>The ZNCC weight a(step): linear from <paramref name="Start"/> at step 0 to <paramref name="End"/> at
/// step <paramref name="Steps"/>, constant after. Start = End gives the fixed-weight ablation.</summary>
public sealed record CurriculumSchedule(double Start = 1.0, double End = 0.05, long Steps = 5000)
{
    public double At(long step) => Steps <= 0 ? End : End + (Start - End) * Math.Max(0.0, 1.0 - (double)step / Steps);
}
