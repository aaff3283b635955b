using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Data.Generators;
using Workbench.Data.Generators.NavierStokes;

namespace Workbench.Cli.Commands;

/// <summary><c>datasets generate navier-stokes|mcwilliams</c> and <c>datasets merge</c>.</summary>
public static class FlowDatasetCommands
{
    public static Command NavierStokes(Func<ParseResult, CliContext> context)
    {
        var viscosity = new Option<double>("--viscosity") { Description = "nu: 1e-3, 1e-4 or 1e-5 (horizon defaults to 50, 30, 20).", DefaultValueFactory = _ => 1e-3 };
        var samples = new Option<long>("--samples") { Description = "Samples in the whole dataset (all shards).", DefaultValueFactory = _ => 20 };
        var resolution = new Option<int>("--resolution") { Description = "Output grid.", DefaultValueFactory = _ => 64 };
        var solver = new Option<int>("--solver-resolution") { Description = "Solver grid (the recipe: 256).", DefaultValueFactory = _ => 256 };
        var horizon = new Option<double?>("--horizon") { Description = "Final time T (default from the viscosity preset)." };
        var dt = new Option<double>("--dt") { Description = "Time step (the recipe: 1e-4).", DefaultValueFactory = _ => 1e-4 };
        var recordEvery = new Option<double>("--record-every") { Description = "Time between snapshots (the recipe: 1).", DefaultValueFactory = _ => 1 };
        var warmup = new Option<double>("--warmup") { Description = "Unrecorded time before the first snapshot (the recipe: 0).", DefaultValueFactory = _ => 0 };
        var batch = new Option<int>("--batch") { Description = "Trajectories solved together.", DefaultValueFactory = _ => 20 };
        var task = new Option<string>("--task") { Description = "fno: w(1..10) -> w(11..T); t1: w(0) -> w(T).", DefaultValueFactory = _ => "fno" };
        task.AcceptOnlyFromAmong("fno", "t1");
        var subsample = new Option<bool>("--subsample") { Description = "Downsample by plain subsampling instead of spectral truncation (default)." };
        var shard = new Option<string>("--shard") { Description = "i/n: generate only shard i of n (contiguous sample blocks; join with datasets merge).", DefaultValueFactory = _ => "0/1" };
        var output = new DatasetOutput();
        var command = new Command("navier-stokes", "2-D Navier-Stokes vorticity on the unit torus, the FNO recipe (GRF initial fields, forcing, Crank-Nicolson).")
        {
            viscosity, samples, resolution, solver, horizon, dt, recordEvery, warmup, batch, task, subsample, shard, output.Path, output.Force,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var path = output.Checked(parse);
            ctx.ConfigureRuntime();
            var nu = parse.GetValue(viscosity);
            var preset = parse.GetValue(horizon) is null ? NavierStokesOptions.FnoPreset(nu) : new NavierStokesOptions { Viscosity = nu };
            var options = preset with
            {
                Horizon = parse.GetValue(horizon) ?? preset.Horizon,
                OutputResolution = parse.GetValue(resolution),
                SolverResolution = parse.GetValue(solver),
                TimeStep = parse.GetValue(dt),
                RecordEvery = parse.GetValue(recordEvery),
                WarmupTime = parse.GetValue(warmup),
                BatchSize = parse.GetValue(batch),
                Downsampling = parse.GetValue(subsample) ? Downsampling.Subsample : Downsampling.SpectralTruncation,
            };
            options.Validate();
            if (parse.GetValue(task) != "t1" && options.FrameCount < FnoTask.MinimumFrames)
                throw new ConfigException($"navier-stokes: --task fno needs at least {FnoTask.MinimumFrames} recorded frames, " +
                                          $"--horizon {options.Horizon} --record-every {options.RecordEvery} gives {options.FrameCount} (raise --horizon or use --task t1)");
            var split = parse.GetValue(task) == "t1" ? FrameSplit.InitialToFinal(options.FrameCount) : FrameSplit.Fno(options.FrameCount);
            var range = SampleBlock.Shard(parse.GetValue(samples), parse.GetValue(shard)!);
            TrajectoryDatasets.Write(path, NavierStokesGenerator.Generate(options, ctx.Seed, range, ctx.Device, ctx.Progress),
                range.Count, parse.GetValue(samples), range.Start, split, options.RecordEvery, options.WarmupTime, ctx.Progress);
            ctx.Output.WriteLine($"wrote samples {range.Start}..{range.End - 1} to {Path.GetFullPath(path)}");
            return 0;
        });
        return command;
    }

    public static Command McWilliams(Func<ParseResult, CliContext> context)
    {
        var samples = new Option<long>("--samples") { Description = "Samples in the whole dataset (all shards).", DefaultValueFactory = _ => 8 };
        var resolution = new Option<int>("--resolution") { Description = "Output grid.", DefaultValueFactory = _ => 64 };
        var solver = new Option<int>("--solver-resolution") { Description = "Solver grid.", DefaultValueFactory = _ => 256 };
        var dt = new Option<double>("--dt") { Description = "RK4 time step.", DefaultValueFactory = _ => 1e-3 };
        var snapshots = new Option<int>("--snapshots") { Description = "Frame intervals recorded between t = 4.5 and the end time.", DefaultValueFactory = _ => 100 };
        var endTime = new Option<double>("--end-time") { Description = "Time of the last recorded frame.", DefaultValueFactory = _ => 10 };
        var inputFrames = new Option<int>("--input-frames") { Description = "Frames given as input.", DefaultValueFactory = _ => 10 };
        var targetFrames = new Option<int>("--target-frames") { Description = "Following frames to predict.", DefaultValueFactory = _ => 40 };
        var batch = new Option<int>("--batch") { Description = "Trajectories solved together.", DefaultValueFactory = _ => 8 };
        var shard = new Option<string>("--shard") { Description = "i/n: generate only shard i of n.", DefaultValueFactory = _ => "0/1" };
        var output = new DatasetOutput();
        var command = new Command("mcwilliams", "McWilliams decaying 2-D turbulence on (0, 2 pi)^2 (nu 1e-3, RK4), frames after a warm-up to t = 4.5.")
        {
            samples, resolution, solver, dt, snapshots, endTime, inputFrames, targetFrames, batch, shard, output.Path, output.Force,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var path = output.Checked(parse);
            ctx.ConfigureRuntime();
            var options = new McWilliamsOptions
            {
                OutputResolution = parse.GetValue(resolution),
                SolverResolution = parse.GetValue(solver),
                TimeStep = parse.GetValue(dt),
                Snapshots = parse.GetValue(snapshots),
                EndTime = parse.GetValue(endTime),
                BatchSize = parse.GetValue(batch),
            };
            options.Validate();
            var split = FrameSplit.Window(options.FrameCount, parse.GetValue(inputFrames), parse.GetValue(targetFrames));
            var range = SampleBlock.Shard(parse.GetValue(samples), parse.GetValue(shard)!);
            TrajectoryDatasets.Write(path, McWilliamsGenerator.Generate(options, ctx.Seed, range, ctx.Device, ctx.Progress),
                range.Count, parse.GetValue(samples), range.Start, split, options.RecordEvery, options.WarmupTime, ctx.Progress);
            ctx.Output.WriteLine($"wrote samples {range.Start}..{range.End - 1} to {Path.GetFullPath(path)}");
            return 0;
        });
        return command;
    }

    public static Command Merge(Func<ParseResult, CliContext> context)
    {
        var shards = new Argument<string[]>("shards") { Description = "Shard files written with --shard i/n.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Merged HDF5 file.", Required = true };
        var command = new Command("merge", "Join the shard files of one generated dataset into one file (checks they fit together).") { shards, output };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var count = ShardMerger.Merge(parse.GetValue(shards)!, parse.GetValue(output)!, ctx.Progress);
            ctx.Output.WriteLine($"merged {count} samples into {Path.GetFullPath(parse.GetValue(output)!)}");
            return 0;
        });
        return command;
    }
}
