namespace Workbench.Core.IO;

/// <summary>
/// Writes files so that readers see either the old content or the complete new one: data goes to a temporary file
/// in the same folder, is flushed to disk, then renamed over the target.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw Refused(full, e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>A file system's refusal, named by the file the user asked for rather than by the temporary sibling.</summary>
    public static IOException Refused(string path, Exception e)
    {
        const int noSpaceLeft = 28; // ENOSPC
        var reason = e switch
        {
            UnauthorizedAccessException => "permission denied",
            DirectoryNotFoundException or FileNotFoundException => "its folder does not accept new files",
            _ when (e.HResult & 0xFFFF) == noSpaceLeft => "no space left on the device",
            _ => e.Message,
        };
        return new IOException($"cannot write {path}: {reason}", e);
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(text);
        });

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    /// <summary>Path of a temporary sibling for writers that need a file name (e.g. HDF5); move it with <see cref="Commit"/>.</summary>
    public static string TemporarySibling(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    public static void Commit(string temporary, string path) => File.Move(temporary, Path.GetFullPath(path), overwrite: true);

    public static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
