namespace Workbench.Training.Sweeps;

/// <summary>
/// Every experiment variant x seed; the collection tabulates them with <c>workbench results</c> and/or scores each
/// seed's runs with <c>workbench nowcast verify</c>, then runs the verification's collect program over the seeds.
/// </summary>
public sealed class TrainingPhase(TrainStage stage, SweepLayout layout, IReadOnlyList<TrainTask> runs, IReadOnlyList<string> global) : SweepPhase
{
    public override string Name => "train";
    public override IReadOnlyList<SweepTask> Tasks => runs;

    public override string Product => string.Join(" and ", new[]
    {
        stage.Results is { } results ? $"writes the results table {results}" : null,
        stage.Verify is { } verify ? $"verifies each seed's runs into {verify.Out}" + (verify.Collect is null ? "" : " and collects them") : null,
    }.OfType<string>());

    public override bool Complete => false;
    public override bool CollectionRunsModels => stage.Verify is not null;

    protected override IReadOnlyList<CollectionStep> Collection()
    {
        var steps = new List<CollectionStep>();
        if (stage.Results is { } results)
        {
            string[] json = stage.ResultsJson is { } path ? ["--json", path] : [];
            steps.Add(CollectionStep.Workbench(["results", layout.RunsDir, "--title", stage.Title, "--out", results, .. json]));
        }
        if (stage.Verify is not { } verify) return steps;
        var names = verify.Runs.Count > 0
            ? verify.Runs.Select(run => (run.Key, Variant: run.Value))
            : stage.Variants().Select(v => (Key: v.Name, Variant: v.Name));
        foreach (var seed in stage.Seeds)
        {
            steps.Add(CollectionStep.Workbench([
                .. global, "nowcast", "verify", "--data", verify.Data, "--test", verify.Test,
                .. names.SelectMany(run => new[] { "--run", $"{run.Key}={layout.RunFor(run.Variant, seed)}" }),
                "--checkpoint", verify.Checkpoint, "--out", verify.OutFor(seed),
            ]));
        }
        if (verify.Collect is [var program, .. var arguments])
            steps.Add(new CollectionStep(
                [.. arguments.SelectMany(word => word == VerifyStage.JsonPlaceholder ? stage.Seeds.Select(seed => verify.OutFor(seed) + ".json") : [word])],
                program));
        return steps;
    }
}
