using System.Runtime.InteropServices;

namespace Workbench.Core.Runtime;

/// <summary>A run that stopped on a signal at a step boundary; the message says what it left behind.</summary>
public sealed class RunStoppedException(PosixSignal signal, string state) : Exception(state)
{
    public PosixSignal Signal { get; } = signal;

    public string SignalName => Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";

    /// <summary>The shell's convention: 128 + the signal number.</summary>
    public int ExitCode => Signal == PosixSignal.SIGINT ? 130 : 143;
}
