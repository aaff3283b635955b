namespace Workbench.Training.Inr;

/// <summary>One scored point of a fit: step, score (PSNR dB, SNR dB or IoU), training loss and seconds since the start.</summary>
public sealed record InrCurvePoint(int Step, double Score, double Loss, double Seconds);

/// <summary>
/// The outcome of one fit: the model and its trainable parameter count, the signal and its metric, the final score
/// (and for SDFs the Chamfer distance), wall time of the optimisation (scoring excluded) and the curve.
/// </summary>
public sealed record InrFitResult(
    string Model,
    long Budget,
    long Parameters,
    string Signal,
    string Metric,
    double Score,
    double? Chamfer,
    double Seconds,
    int Steps,
    IReadOnlyList<InrCurvePoint> Curve);
