using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Training.Config;

namespace Workbench.Training.Runs;

/// <summary>
/// A finished or interrupted run folder opened for inference: its config, and its models rebuilt from the checkpoint
/// alone (the data-derived spec the checkpoint stores, then the weights), without the training data.
/// </summary>
public sealed class TrainedRun
{
    private TrainedRun(RunFolder folder, ExperimentConfig config) => (Folder, Config) = (folder, config);

    public RunFolder Folder { get; }
    public ExperimentConfig Config { get; }

    public static TrainedRun Open(string root)
    {
        var folder = new RunFolder(root);
        if (!File.Exists(folder.ConfigPath)) throw new WorkbenchException($"{folder.Root}: not a run folder (config.json missing)");
        return new TrainedRun(folder, ExperimentConfigLoader.Load(folder.ConfigPath));
    }

    /// <summary>The model of checkpoints/{which}.ckpt ("best" or "last") on <paramref name="device"/>, in eval mode.</summary>
    public (torch.nn.Module<torch.Tensor, torch.Tensor> Model, TrainingState State) LoadModel(string which, torch.Device device)
    {
        var checkpoint = Folder.CheckpointNamed(which);
        var model = Config.Model.BuildFromSpec(Checkpoint.ReadSpec(checkpoint));
        try
        {
            model.to(device);
            var state = Checkpoint.Load(checkpoint, model, optimizers: []);
            model.eval();
            return (model, state);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
