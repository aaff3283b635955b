using System.CommandLine;
using System.Text.Json;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Core.IO;
using Workbench.Data.Images;
using Workbench.Models.Inr;
using Workbench.Training.Engine;
using Workbench.Training.Inr;
using Workbench.Training.Runs;
using static TorchSharp.torch;

namespace Workbench.Cli.Commands;

/// <summary>
/// <c>workbench inr fit --task camera --model nstr --params 200000 --steps 500 --out DIR</c> fits one implicit
/// representation in a run folder (<c>inr fit --resume DIR</c> continues it); <c>workbench inr compare --tasks
/// camera,astronaut --json F --markdown F</c> fits every model at every budget, each in a run folder under --runs, and
/// writes the results table (rewritten after each fit, so a stopped comparison keeps what it finished; --resume continues it).
/// </summary>
public static class InrCommand
{

    private sealed class Shared
    {
        public Option<int> Steps { get; } = new("--steps") { Description = "Adam steps per fit (full batch).", DefaultValueFactory = _ => 500 };
        public Option<int> EvalEvery { get; } = new("--eval-every") { Description = "Score every this many steps.", DefaultValueFactory = _ => 50 };
        public Option<int> Size { get; } = new("--size") { Description = "Image side after a centred crop and box downscaling (must divide 512).", DefaultValueFactory = _ => 256 };
        public Option<int> Frames { get; } = new("--frames") { Description = "Audio samples taken from the start of gt_bach.wav.", DefaultValueFactory = _ => 1 << 15 };
        public Option<int> SdfPoints { get; } = new("--sdf-points") { Description = "Training points for the SDF tasks.", DefaultValueFactory = _ => 1 << 14 };
        public Option<string> Data { get; } = new("--data") { Description = "Folder holding images/ and audio/.", DefaultValueFactory = _ => "data" };
        public Option<double?> Lambda { get; } = new("--nstr-lambda") { Description = "NSTR transport weight (default from NstrOptions)." };
        public Option<SpectrumBackend?> Backend { get; } = new("--nstr-backend") { Description = "NSTR spectrum field: grid, hashgrid or mlp." };
        public Option<bool?> LearnFrequencies { get; } = new("--nstr-learn-frequencies") { Description = "Whether NSTR learns omega (default true)." };
        public Option<int?> Frequencies { get; } = new("--nstr-k") { Description = "NSTR's K (default budget / 1600, 32..256)." };

        public InrTaskScale Scale(ParseResult parse, long seed) =>
            new(parse.GetValue(Data)!, parse.GetValue(Size), parse.GetValue(Frames), parse.GetValue(SdfPoints), seed);

        public Option<double?> MaxSeconds { get; } = TrainCommand.MaxSecondsOption();

        public IEnumerable<Option> All => [Steps, EvalEvery, Size, Frames, SdfPoints, Data, Lambda, Backend, LearnFrequencies, Frequencies, MaxSeconds];

        public double? MaxSecondsOf(ParseResult parse) =>
            parse.GetValue(MaxSeconds) is <= 0 ? throw new ConfigException("inr: --max-seconds must be positive") : parse.GetValue(MaxSeconds);

        public InrFitSettings Settings(ParseResult parse, double? lr = null)
        {
            var steps = parse.GetValue(Steps);
            var every = parse.GetValue(EvalEvery);
            if (steps < 1 || every < 1) throw new WorkbenchException($"inr: --steps and --eval-every must be positive, got {steps} and {every}.");
            return new InrFitSettings(steps, every, lr);
        }

        public NstrChoices NstrChoices(ParseResult parse) =>
            new(parse.GetValue(Lambda), parse.GetValue(Backend), parse.GetValue(LearnFrequencies), parse.GetValue(Frequencies));
    }

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("inr", "Implicit neural representations: NSTR against SIREN, Fourier features and hash grids.");
        command.Add(Fit(context));
        command.Add(Compare(context));
        return command;
    }

    private static Command Fit(Func<ParseResult, CliContext> context)
    {
        var shared = new Shared();
        var task = new Option<string?>("--task") { Description = $"One of {string.Join(", ", InrTaskScale.Names)}." };
        var model = new Option<InrKind?>("--model") { Description = "nstr, siren, fourier or hashgrid." };
        var budget = new Option<long>("--params") { Description = "Parameter budget the model is sized to.", DefaultValueFactory = _ => 200_000 };
        var lr = new Option<double?>("--lr") { Description = "Learning rate (default per model)." };
        var output = new Option<string?>("--out") { Description = "Run folder to create: config.json, metrics.jsonl, checkpoints/, result.json (and reconstruction.png for images)." };
        var resume = new Option<string?>("--resume") { Description = "Continue the fit in this run folder exactly (its own config.json; Adam, schedule and NSTR's subsets)." };
        var command = new Command("fit", "Fit one representation to one signal in a run folder.") { task, model, budget, lr, output, resume };
        foreach (var option in shared.All) command.Add(option);
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var maxSeconds = shared.MaxSecondsOf(parse);
            var resumeDir = parse.GetValue(resume);
            if (resumeDir is not null && parse.GetValue(output) is not null) throw new WorkbenchException("inr fit: --out and --resume cannot be combined");
            var run = new RunFolder(resumeDir ?? parse.GetValue(output) ?? throw new WorkbenchException("inr fit: expected --out RUN_DIR or --resume RUN_DIR"));
            InrFitConfig config;
            if (resumeDir is not null)
            {
                if (!File.Exists(run.ConfigPath)) throw new WorkbenchException($"{run.Root}: not a run folder (config.json missing)");
                config = InrFitConfig.Load(run.ConfigPath);
            }
            else
            {
                var name = parse.GetValue(task) ?? throw new WorkbenchException("inr fit: expected --task (or --resume RUN_DIR)");
                var kind = parse.GetValue(model) ?? throw new WorkbenchException("inr fit: expected --model (or --resume RUN_DIR)");
                config = new InrFitConfig(name, kind, parse.GetValue(budget), shared.Settings(parse, parse.GetValue(lr)), shared.Scale(parse, ctx.Seed), shared.NstrChoices(parse));
                TrainingEngine.RefuseExisting(run);
            }
            ctx.ConfigureRuntime();
            var signal = config.Scale.Load(config.Task).To(ctx.Device);
            var result = InrRun.Fit(config, signal, run, resumeDir is not null, ctx.Device, ctx.Progress, maxSeconds, trained =>
            {
                if (signal.Metric == InrMetric.Psnr && signal.TestCoordinates.Equals(signal.TrainCoordinates))
                    WriteReconstruction(trained, signal, Path.Combine(run.Root, "reconstruction.png"));
            });
            ctx.Output.WriteLine($"run folder: {run.Root}");
            if (result is null) return 0;
            ctx.Output.WriteLine($"{result.Model} ({result.Parameters} parameters) on {result.Signal}: {result.Metric} {result.Score:F3}"
                + (result.Chamfer is { } c ? $", Chamfer {c:F4}" : "") + $" after {result.Steps} steps, {result.Seconds:F1} s");
            return 0;
        });
        return command;
    }

    private static Command Compare(Func<ParseResult, CliContext> context)
    {
        var shared = new Shared();
        var tasks = new Option<string>("--tasks") { Description = "Comma-separated tasks.", DefaultValueFactory = _ => "camera,astronaut" };
        var models = new Option<string>("--models") { Description = "Comma-separated models.", DefaultValueFactory = _ => "nstr,siren,fourier,hashgrid" };
        var budgets = new Option<string>("--budgets") { Description = "Comma-separated parameter budgets.", DefaultValueFactory = _ => "50000,200000,800000" };
        var json = new Option<string>("--json") { Description = "Results JSON path.", Required = true };
        var markdown = new Option<string?>("--markdown") { Description = "Results table (markdown) path." };
        var runs = new Option<string?>("--runs") { Description = "Folder of the fits' run folders, one per task, model and budget (default runs/NAME beside the --json file NAME.json)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the comparison in --runs: finished fits are read back, a stopped one resumes exactly, the rest start." };
        var command = new Command("compare", "Fit every model at every budget on every task, each in a run folder; write the results table.")
        {
            tasks, models, budgets, json, markdown, runs, resume,
        };
        foreach (var option in shared.All) command.Add(option);
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            var taskList = Split(parse.GetValue(tasks)!);
            var unknown = taskList.Where(t => !InrTaskScale.Names.Contains(t)).ToList();
            if (unknown.Count > 0) throw new WorkbenchException($"unknown INR task(s) {string.Join(", ", unknown)}; expected {string.Join(", ", InrTaskScale.Names)}.");
            var kinds = Split(parse.GetValue(models)!).Select(m => Enum.TryParse<InrKind>(m, true, out var k) ? k
                : throw new WorkbenchException($"unknown model '{m}'; expected nstr, siren, fourier or hashgrid.")).ToList();
            var sizes = Split(parse.GetValue(budgets)!).Select(b => long.TryParse(b, out var v) && v > 0 ? v
                : throw new WorkbenchException($"bad budget '{b}': expected a positive integer.")).ToList();
            var settings = shared.Settings(parse);
            var maxSeconds = shared.MaxSecondsOf(parse);
            var scale = shared.Scale(parse, ctx.Seed);
            var jsonPath = Path.GetFullPath(parse.GetValue(json)!);
            var runsRoot = parse.GetValue(runs) ?? Path.Combine(Path.GetDirectoryName(jsonPath)!, "runs", Path.GetFileNameWithoutExtension(jsonPath));
            var plan = InrComparison.Plan(scale, taskList, kinds, sizes, settings, shared.NstrChoices(parse), runsRoot);
            var done = new List<InrFitResult>();
            void Write()
            {
                var report = new { Settings = new { scale.ImageSize, scale.AudioFrames, scale.SdfPoints, settings.Steps, settings.EvalEvery, ctx.Seed, ctx.Threads,
                    Device = ctx.Device.ToString(), Git = Workbench.Core.Runtime.GitCommit.Find(Environment.CurrentDirectory) }, Results = done };
                AtomicFile.WriteAllText(parse.GetValue(json)!, JsonSerializer.Serialize(report, InrJson.Options) + "\n");
                if (parse.GetValue(markdown) is { } md) AtomicFile.WriteAllText(md, InrComparison.Markdown(done));
            }
            var (_, complete) = InrComparison.Run(ctx.Device, plan, parse.GetValue(resume), ctx.Progress, maxSeconds, r =>
            {
                done.Add(r);
                ctx.Output.WriteLine($"{r.Signal} {r.Model} budget {r.Budget} ({r.Parameters} params): {r.Metric} {r.Score:F3}{(r.Chamfer is { } c ? $" Chamfer {c:F4}" : "")} in {r.Seconds:F1} s");
                Write();
            });
            ctx.Output.WriteLine($"runs: {Path.GetFullPath(runsRoot)}");
            if (!complete) ctx.Output.WriteLine($"stopped after {done.Count} of {plan.Count} fits; continue with the same command and --resume");
            return 0;
        });
        return command;
    }

    private static List<string> Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static void WriteReconstruction(nn.Module<Tensor, Tensor> model, InrSignal signal, string path)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var side = signal.Resolution;
        var values = model.forward(signal.TestCoordinates).clamp(-1, 1).add(1).mul(127.5).round().to(ScalarType.Byte).cpu();
        var image = new RasterImage(side, side, signal.OutDim, values.data<byte>().ToArray());
        PngEncoder.Write(path, image);
    }
}
