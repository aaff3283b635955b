using Workbench.Core.Errors;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>The option checks every <see cref="IFlowRecipe"/> shares, each naming the command-line option it guards.</summary>
internal static class FlowRecipeChecks
{
    /// <summary>Viscosity, grids, downsampling, time step, warm-up and batch size.</summary>
    public static void Common(IFlowRecipe recipe)
    {
        if (!(recipe.Viscosity > 0) || double.IsInfinity(recipe.Viscosity))
            throw new WorkbenchException($"--viscosity: expected a positive number, got {recipe.Viscosity}.");
        var (solver, output) = (recipe.SolverResolution, recipe.OutputResolution);
        if (solver < 4 || solver % 2 != 0)
            throw new WorkbenchException($"--solver-resolution: expected an even size of at least 4, got {solver}.");
        if (output < 2 || output % 2 != 0 || output > solver)
            throw new WorkbenchException($"--resolution: expected an even size between 2 and the solver resolution {solver}, got {output}.");
        if (recipe.Downsampling == Downsampling.Subsample && solver % output != 0)
            throw new WorkbenchException($"--resolution: subsampling needs a divisor of the solver resolution {solver}, got {output}.");
        if (!(recipe.TimeStep > 0)) throw new WorkbenchException($"--dt: expected a positive time step, got {recipe.TimeStep}.");
        if (!(recipe.WarmupTime >= 0) || (recipe.WarmupTime > 0 && !IsWholeMultiple(recipe.WarmupTime, recipe.TimeStep)))
            throw new WorkbenchException($"--warmup: expected a non-negative whole multiple of the time step {recipe.TimeStep}, got {recipe.WarmupTime}.");
        if (recipe.BatchSize <= 0) throw new WorkbenchException($"--batch-size: expected a positive count, got {recipe.BatchSize}.");
    }

    public static bool IsWholeMultiple(double value, double unit)
    {
        var ratio = value / unit;
        return Math.Round(ratio) >= 1 && Math.Abs(ratio - Math.Round(ratio)) <= 1e-9 * Math.Max(1, ratio);
    }
}
