using Workbench.Models.Inr;

namespace Workbench.Training.Inr;

/// <summary>
/// Optimisation of one fit: full-batch Adam for <paramref name="Steps"/> steps, learning rate decayed as
/// lr 0.1^(step / Steps) (the FINER protocol), scored every <paramref name="EvalEvery"/> steps and at the end.
/// Learning rates per model follow each paper: SIREN 1e-4, Fourier features 1e-3, hash grid 1e-2 with betas
/// (0.9, 0.99) and eps 1e-15; <paramref name="Seed"/> draws NSTR's transport subsets; NSTR 1e-3 with the grid/hash spectrum field at 1e-2 (the hash-grid setting; chosen by experiment).
/// </summary>
public sealed record InrFitSettings(int Steps, int EvalEvery = 50, double? LearningRate = null, long Seed = 0)
{
    public static double DefaultLearningRate(InrKind kind) => kind switch
    {
        InrKind.Siren => 1e-4,
        InrKind.HashGrid or InrKind.Nstr => 1e-2,
        _ => 1e-3,
    };
}
