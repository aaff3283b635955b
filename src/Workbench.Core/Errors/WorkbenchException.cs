namespace Workbench.Core.Errors;

/// <summary>
/// A user error: bad argument, missing or malformed file, invalid configuration. The CLI prints its message as one
/// line and exits with code 1; anything else is a bug and keeps its stack trace.
/// </summary>
public class WorkbenchException : Exception
{
    public WorkbenchException(string message) : base(message) { }
    public WorkbenchException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>An experiment configuration that names an unknown field or holds a bad value.</summary>
public sealed class ConfigException(string message) : WorkbenchException(message);

/// <summary>A data file that is missing, unreadable, corrupt or of the wrong shape.</summary>
public sealed class DataFileException : WorkbenchException
{
    public DataFileException(string message) : base(message) { }
    public DataFileException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A requested device that this machine does not have.</summary>
public sealed class DeviceUnavailableException(string message) : WorkbenchException(message);
