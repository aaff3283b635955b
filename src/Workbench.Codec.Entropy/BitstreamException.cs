namespace Workbench.Codec.Entropy;

/// <summary>
/// A coded stream or codec file that is corrupt, truncated, of a foreign format or of an unsupported version.
/// The message is one line naming what is wrong.
/// </summary>
public sealed class BitstreamException(string message) : Exception(message);
