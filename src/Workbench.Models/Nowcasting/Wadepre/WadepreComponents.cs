using Workbench.Spectral.Wavelets;
using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting.Wadepre;

/// <summary>
/// Everything a WADEPre forward pass produces, on the model's internal scale (VIL pixels / 255): predicted bands,
/// the three reconstructions the refiner reads, and the refined forecast.
/// </summary>
public sealed record WadepreComponents(
    Tensor Output,
    Tensor Approximation,
    IReadOnlyList<DetailBands2D> Details,
    Tensor Combined,
    Tensor ApproximationOnly,
    Tensor DetailOnly);
