using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Core.IO;
using Workbench.Data.Images;
using Workbench.Models.Inr;
using Workbench.Training.Inr;
using static TorchSharp.torch;

namespace Workbench.Cli.Commands;

/// <summary>
/// <c>workbench inr fit --task camera --model nstr --params 200000 --steps 500 --out DIR</c> fits one implicit
/// representation; <c>workbench inr compare --tasks camera,astronaut --json F --markdown F</c> fits every model at
/// every budget and writes the results table (rewritten after each fit, so a stopped run keeps what it finished).
/// </summary>
public static class InrCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

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

        public IEnumerable<Option> All => [Steps, EvalEvery, Size, Frames, SdfPoints, Data, Lambda, Backend, LearnFrequencies, Frequencies];

        public InrTaskScale Scale(ParseResult parse, long seed) =>
            new(parse.GetValue(Data)!, parse.GetValue(Size), parse.GetValue(Frames), parse.GetValue(SdfPoints), seed);

        public InrFitSettings Settings(ParseResult parse, double? lr = null)
        {
            var steps = parse.GetValue(Steps);
            var every = parse.GetValue(EvalEvery);
            if (steps < 1 || every < 1) throw new WorkbenchException($"inr: --steps and --eval-every must be positive, got {steps} and {every}.");
            return new InrFitSettings(steps, every, lr);
        }

        public Func<NstrOptions, NstrOptions> NstrChoices(ParseResult parse)
        {
            var (lambda, backend, learn, k) = (parse.GetValue(Lambda), parse.GetValue(Backend), parse.GetValue(LearnFrequencies), parse.GetValue(Frequencies));
            return o => o with
            {
                TransportWeight = lambda ?? o.TransportWeight,
                Backend = backend ?? o.Backend,
                LearnFrequencies = learn ?? o.LearnFrequencies,
                Frequencies = k ?? o.Frequencies,
            };
        }
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
        var task = new Option<string>("--task") { Description = $"One of {string.Join(", ", InrTaskScale.Names)}.", Required = true };
        var model = new Option<InrKind>("--model") { Description = "nstr, siren, fourier or hashgrid.", Required = true };
        var budget = new Option<long>("--params") { Description = "Parameter budget the model is sized to.", DefaultValueFactory = _ => 200_000 };
        var lr = new Option<double?>("--lr") { Description = "Learning rate (default per model)." };
        var output = new Option<string>("--out") { Description = "Folder for result.json (and reconstruction.png for images).", Required = true };
        var command = new Command("fit", "Fit one representation to one signal.") { task, model, budget, lr, output };
        foreach (var option in shared.All) command.Add(option);
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            var signal = shared.Scale(parse, ctx.Seed).Load(parse.GetValue(task)!).To(ctx.Device);
            var result = InrComparison.FitOne(signal, parse.GetValue(model), parse.GetValue(budget), shared.Settings(parse, parse.GetValue(lr)), ctx.Seed,
                ctx.Progress, shared.NstrChoices(parse), out var trained);
            using (trained)
            {
                var folder = parse.GetValue(output)!;
                AtomicFile.WriteAllText(Path.Combine(folder, "result.json"), JsonSerializer.Serialize(result, Json) + "\n");
                if (signal.Metric == InrMetric.Psnr && signal.TestCoordinates.Equals(signal.TrainCoordinates))
                    WriteReconstruction(trained, signal, Path.Combine(folder, "reconstruction.png"));
            }
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
        var command = new Command("compare", "Fit every model at every budget on every task; write the results table.") { tasks, models, budgets, json, markdown };
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
            var scale = shared.Scale(parse, ctx.Seed);
            var done = new List<InrFitResult>();
            void Write()
            {
                var report = new { Settings = new { scale.ImageSize, scale.AudioFrames, scale.SdfPoints, settings.Steps, settings.EvalEvery, ctx.Seed, ctx.Threads,
                    Device = ctx.Device.ToString(), Git = Workbench.Core.Runtime.GitCommit.Find(Environment.CurrentDirectory) }, Results = done };
                AtomicFile.WriteAllText(parse.GetValue(json)!, JsonSerializer.Serialize(report, Json) + "\n");
                if (parse.GetValue(markdown) is { } md) AtomicFile.WriteAllText(md, InrComparison.Markdown(done));
            }
            InrComparison.Run(ctx.Device, scale, taskList, kinds, sizes, settings, ctx.Progress, r =>
            {
                done.Add(r);
                ctx.Output.WriteLine($"{r.Signal} {r.Model} budget {r.Budget} ({r.Parameters} params): {r.Metric} {r.Score:F3}{(r.Chamfer is { } c ? $" Chamfer {c:F4}" : "")} in {r.Seconds:F1} s");
                Write();
            }, shared.NstrChoices(parse));
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
