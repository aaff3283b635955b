namespace Workbench.Core.Runtime;

/// <summary>
/// LibTorch allocates CPU tensors with plain malloc, and glibc serves every block above 32 MiB with a fresh mmap that
/// is unmapped again on free, so each large temporary is page-faulted in 4 KiB at a time. On the virtual machines we
/// run on, faults are dear: a GELU forward and backward over [4, 32, 256, 256] float32 took 366 ms against 3 ms over a
/// quarter of the elements, and an FNO training step at 256^2 15.7 s. THP_MEM_ALLOC_ENABLE makes libtorch align such
/// blocks to 2 MiB and advise transparent huge pages (same values, one fault per 2 MiB instead of per 4 KiB): the step above takes 3.8 s.
/// libtorch reads the variable once, at its first allocation: <see cref="NativeEnvironment"/> sets it before any tensor
/// exists.
/// </summary>
public static class HugePageAllocations
{
    public const string Variable = "THP_MEM_ALLOC_ENABLE";
    public const string Enabled = "1";
}
