using static TorchSharp.torch;

namespace Workbench.Training.Inr;

/// <summary>How a fit is scored: PSNR on [0, 1] values, SNR in dB, or IoU (and Chamfer distance) of an SDF's zero set.</summary>
public enum InrMetric
{
    Psnr,
    Snr,
    Iou,
}

/// <summary>
/// A signal to fit: float32 training coordinates [N, d] in [-1, 1] and values [N, C], the coordinates and values it
/// is scored on (the same points for plain regression, the held-out grid for generalisation), and for SDFs the shape.
/// Image and audio values are in [-1, 1].
/// </summary>
public sealed record InrSignal(
    string Name,
    Tensor TrainCoordinates,
    Tensor TrainValues,
    Tensor TestCoordinates,
    Tensor TestValues,
    InrMetric Metric,
    int Resolution,
    AnalyticShape? Shape = null)
{
    public int InDim => (int)TrainCoordinates.shape[1];

    /// <summary>The same signal with its tensors on <paramref name="device"/>.</summary>
    public InrSignal To(Device device) => this with
    {
        TrainCoordinates = TrainCoordinates.to(device),
        TrainValues = TrainValues.to(device),
        TestCoordinates = TestCoordinates.to(device),
        TestValues = TestValues.to(device),
    };

    public int OutDim => (int)TrainValues.shape[1];
}
