using TorchSharp;
using Workbench.Data.Generators.NavierStokes;
using static TorchSharp.torch;

namespace Workbench.Cuda.Tests;

public class NavierStokesParityTests
{
    [CudaFact]
    public void Generator_on_the_gpu_reproduces_the_cpu_trajectories()
    {
        var options = new NavierStokesOptions { SolverResolution = 64, OutputResolution = 32, TimeStep = 1e-3, Horizon = 2, BatchSize = 3 };
        var cpu = NavierStokesGenerator.Simulate(options, seed: 5, indices: [0, 1, 2]);
        var gpu = NavierStokesGenerator.Simulate(options, seed: 5, indices: [0, 1, 2], device: CUDA);
        Assert.Equal(DeviceType.CPU, gpu.device_type);
        // Solved in float64, stored as float32: the two devices agree to float32 rounding.
        Parity.AssertClose(cpu, gpu, "vorticity trajectories", relative: 1e-5);
    }
}
