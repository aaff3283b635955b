using System.Reflection;
using Workbench.Core.Runtime;
using static TorchSharp.torch;

namespace Workbench.Tests.Core;

/// <summary>
/// TorchSharp passes raw native handles to libtorch and frees them in finalizers. Under optimised JIT code a temporary
/// (the implicit <c>alpha</c> Scalar of <c>add</c>, an intermediate tensor) may be finalized while libtorch still reads
/// it; collections triggered by another thread's allocations hit that window. The build compiles TorchSharp's own
/// methods unoptimised (build/TorchSharpKeepAlive), which keeps every argument alive until its native call returns.
/// </summary>
public class NativeHandleLifetimeTests
{
    [Fact]
    public void TorchSharp_wrappers_are_kept_unoptimised_and_workbench_code_is_not()
    {
        var add = typeof(Tensor).GetMethod(nameof(Tensor.add), [typeof(Tensor)])!;
        Assert.True(TorchSharpArguments.KeptAlive, "TorchSharp.dll in the output was not rewritten by build/TorchSharpKeepAlive");
        Assert.True(add.MethodImplementationFlags.HasFlag(MethodImplAttributes.NoOptimization));
        var apply = typeof(NativeEnvironment).GetMethod(nameof(NativeEnvironment.Apply))!;
        Assert.False(apply.MethodImplementationFlags.HasFlag(MethodImplAttributes.NoOptimization));
    }

    [Fact]
    public void Implicit_scalars_and_temporaries_survive_collections_on_another_thread()
    {
        // Without the rewritten TorchSharp.dll this loop fails about 120 times per million add calls here
        // ("Unknown scalar type", c10 checks on a freed Scalar) or crashes the process.
        const int iterations = 200_000;
        using var a = full(16, 1.5f);
        using var b = full(16, 0.25f);
        var stop = false;
        var allocator = new Thread(() =>
        {
            object? garbage = null;
            while (!Volatile.Read(ref stop)) garbage = new byte[256];
            GC.KeepAlive(garbage);
        });
        allocator.Start();
        var wrong = 0;
        var errors = 0;
        var firstError = "";
        try
        {
            for (var i = 0; i < iterations; i++)
            {
                try
                {
                    // add() makes its alpha Scalar implicitly; a.mul(3.0) is a temporary left to the finalizer.
                    using var sum = i % 2 == 0 ? a.add(b) : a.mul(3.0).add(b);
                    if (sum.data<float>()[7] != (i % 2 == 0 ? 1.75f : 4.75f)) wrong++;
                }
                catch (Exception e)
                {
                    if (errors++ == 0) firstError = e.Message.Split('\n')[0];
                }
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            allocator.Join();
        }
        Assert.True(wrong == 0 && errors == 0, $"{wrong} wrong results, {errors} errors in {iterations} iterations (first: {firstError})");
    }
}
