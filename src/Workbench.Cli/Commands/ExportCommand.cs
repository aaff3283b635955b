using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Training.Interop;

namespace Workbench.Cli.Commands;

/// <summary><c>workbench export RUN_DIR --format safetensors|pt --out FILE [--checkpoint last|best]</c>: a model as a PyTorch state dict.</summary>
public static class ExportCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var source = new Argument<string>("source") { Description = "Run folder (operator or codec), or a trained codec model MODEL-qQ.dat (e.g. models/codec/hyperprior-q3.dat)." };
        var format = new Option<string>("--format") { Description = "safetensors (spec JSON in the header's __metadata__) or pt (torch.save zip; spec in FILE's .spec.json sidecar).", Required = true };
        format.AcceptOnlyFromAmong("safetensors", "pt");
        var output = new Option<string>("--out") { Description = "State-dict file to write.", Required = true };
        var which = new Option<string>("--checkpoint") { Description = "Which checkpoint of a run folder: last or best.", DefaultValueFactory = _ => "last" };
        which.AcceptOnlyFromAmong("last", "best");
        var command = new Command("export",
            "Write a model's parameters as a PyTorch state dict (PyTorch names; README, \"PyTorch interop\") with its spec as JSON.")
        {
            source, format, output, which,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            var file = parse.GetValue(output)!;
            var summary = ModelExport.Export(parse.GetValue(source)!, parse.GetValue(which)!, StateDictFormats.Parse(parse.GetValue(format)!), file);
            ctx.Output.WriteLine($"{summary.Kind}: {summary.Tensors} tensors, {summary.Values} values -> {Path.GetFullPath(file)}");
            return 0;
        });
        return command;
    }
}
