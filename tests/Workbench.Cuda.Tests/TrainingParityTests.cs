using Workbench.Core.Progress;
using Workbench.Training.Config;
using Workbench.Training.Engine;
using Workbench.Training.Runs;
using static TorchSharp.torch;

namespace Workbench.Cuda.Tests;

public sealed class TrainingParityTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("wb-cuda-train-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [CudaFact]
    public void A_short_training_run_on_the_gpu_tracks_the_cpu_run()
    {
        var config = ExperimentConfigLoader.Parse("""
            {
              "name": "parity", "seed": 3,
              "model": { "kind": "fno1d", "width": 12, "modes": 8, "layers": 2 },
              "data": { "builtin": "heat-smoothing-1d", "samples": 96, "resolution": 64, "train": "0:64", "validation": "64:80", "test": "80:96" },
              "optimizer": { "kind": "adam", "lr": 0.003 },
              "epochs": 3, "batch_size": 8, "metrics": ["relative_l2", "mse"]
            }
            """, "parity.json");
        double Final(Device device, string folder)
        {
            var summary = new Trainer(device, SilentProgress.Instance).Train(config, new RunFolder(Path.Combine(_work, folder)), resume: false);
            return (double)summary["final"]!["val_relative_l2"]!;
        }

        var cpu = Final(CPU, "cpu");
        var gpu = Final(CUDA, "cuda");
        Assert.True(Math.Abs(cpu - gpu) <= 1e-3 * cpu, $"validation relative L2 after 3 epochs: cpu {cpu:G6}, cuda {gpu:G6}");
    }
}
