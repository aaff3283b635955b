using Workbench.Core.Errors;
using Workbench.Data.Audio;
using Workbench.Data.Images;
using Workbench.Models.Inr;

namespace Workbench.Training.Inr;

/// <summary>
/// The named fitting tasks and their scale: <c>camera</c>, <c>astronaut</c> (image regression at <c>ImageSize</c>^2),
/// <c>camera-heldout</c>, <c>astronaut-heldout</c> (fit even pixels, score odd ones), <c>bach</c> (the first
/// <c>AudioFrames</c> samples of gt_bach.wav), <c>sphere</c>, <c>torus</c> (SDF from <c>SdfPoints</c> samples).
/// </summary>
public sealed record InrTaskScale(string DataRoot = "data", int ImageSize = 256, int AudioFrames = 1 << 15, int SdfPoints = 1 << 14, long Seed = 0)
{
    public static readonly string[] Names = ["camera", "astronaut", "camera-heldout", "astronaut-heldout", "bach", "sphere", "torus"];

    public InrSignal Load(string task) => task switch
    {
        "camera" or "astronaut" => ImageSignals.Regression(task, Image(task), ImageSize),
        "camera-heldout" or "astronaut-heldout" => ImageSignals.HeldOut(task[..task.IndexOf('-')], Image(task[..task.IndexOf('-')]), ImageSize),
        "bach" => AudioSignals.Regression("bach", WavReader.Read(Path.Combine(DataRoot, "audio", "gt_bach.wav")), AudioFrames),
        "sphere" => SdfSignals.Regression(AnalyticShape.Sphere(), SdfPoints, Seed),
        "torus" => SdfSignals.Regression(AnalyticShape.Torus(), SdfPoints, Seed),
        _ => throw new WorkbenchException($"unknown INR task '{task}'; expected one of {string.Join(", ", Names)}."),
    };

    private RasterImage Image(string name) => PngDecoder.Read(Path.Combine(DataRoot, "images", name + ".png"));

    /// <summary>
    /// Sizing hints per signal. Images: omega0 30 and Gaussian scale 5 cycles per unit of [-1, 1] (the Fourier-feature
    /// paper's sigma 10 on [0, 1]). Audio: SIREN's first omega0 3000 for the whole 7 s clip, scaled with the clip
    /// length so it stays 3000 / 3.5 s rad per second, and a scale of frames / 64 cycles per unit (1.4 kHz at 44.1 kHz).
    /// Shapes: omega0 30, scale 2.
    /// </summary>
    public static InrSignalShape ShapeOf(InrSignal signal) => signal.Metric switch
    {
        InrMetric.Snr => new InrSignalShape(1, 1, signal.Resolution, FirstOmega0: 3000.0 * signal.Resolution / 308207, FrequencySigma: signal.Resolution / 64.0),
        InrMetric.Iou => new InrSignalShape(3, 1, signal.Resolution, FrequencySigma: 2),
        _ => new InrSignalShape(2, signal.OutDim, 2 * signal.Resolution, FrequencySigma: 5),
    };
}
