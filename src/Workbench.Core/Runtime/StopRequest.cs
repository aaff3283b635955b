using System.Runtime.InteropServices;

namespace Workbench.Core.Runtime;

/// <summary>
/// SIGINT and SIGTERM while a long run listens: the first one is recorded and the run stops at its next step boundary
/// (<see cref="ThrowIfRequested"/>), its files consistent; a second one terminates the process as usual. Outside a
/// listening scope the signals keep their default action.
/// </summary>
public static class StopRequest
{
    private static readonly Lock Gate = new();
    private static int _listeners;
    private static PosixSignalRegistration[] _registrations = [];
    private static PosixSignal? _signal;

    public static PosixSignal? Signal
    {
        get { lock (Gate) return _signal; }
    }

    public static bool IsRequested => Signal is not null;

    /// <summary>Catches SIGINT and SIGTERM until the returned scope is disposed (scopes nest).</summary>
    public static IDisposable Listen()
    {
        lock (Gate)
        {
            if (_listeners++ == 0)
            {
                _signal = null;
                _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
            }
        }
        return new Scope();
    }

    /// <summary>Ends the run with <see cref="RunStoppedException"/> once a signal came; <paramref name="state"/> says what it leaves.</summary>
    public static void ThrowIfRequested(Func<string> state)
    {
        if (Signal is { } signal) throw new RunStoppedException(signal, state());
    }

    private static void Handle(PosixSignalContext context)
    {
        lock (Gate)
        {
            context.Cancel = _signal is null;
            _signal ??= context.Signal;
        }
    }

    private sealed class Scope : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            lock (Gate)
            {
                if (_disposed) return;
                _disposed = true;
                if (--_listeners > 0) return;
                foreach (var registration in _registrations) registration.Dispose();
                _registrations = [];
            }
        }
    }
}
