using PureHDF;
using PureHDF.VOL.Native;
using Workbench.Core.Errors;

namespace Workbench.Data.Hdf5;

/// <summary>Opens HDF5 files and datasets, turning every failure into one-line <see cref="DataFileException"/>s.</summary>
internal static class Hdf5FileOpener
{
    private static readonly byte[] Signature = [0x89, (byte)'H', (byte)'D', (byte)'F', (byte)'\r', (byte)'\n', 0x1a, (byte)'\n'];

    public static NativeFile Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new DataFileException($"{full}: file not found.");
        if (!HasSignature(full))
            throw new DataFileException($"{full}: not an HDF5 file (no HDF5 signature).");
        try
        {
            return H5File.OpenRead(full);
        }
        catch (Exception ex)
        {
            throw new DataFileException($"{full}: corrupt or truncated HDF5 file ({Hdf5DatasetWriter.FirstLine(ex.Message)})", ex);
        }
    }

    public static NativeDataset Dataset(NativeFile file, string path)
    {
        bool exists;
        try
        {
            exists = file.LinkExists(path);
        }
        catch (Exception ex)
        {
            throw new DataFileException($"{file.Path}: corrupt or truncated HDF5 file, cannot look up {path} ({Hdf5DatasetWriter.FirstLine(ex.Message)})", ex);
        }
        if (!exists)
        {
            List<string> found;
            try
            {
                found = ListDatasets(file);
            }
            catch (Exception ex)
            {
                throw new DataFileException($"{file.Path}: corrupt or truncated HDF5 file, {path} not found ({Hdf5DatasetWriter.FirstLine(ex.Message)})", ex);
            }
            throw new DataFileException($"{file.Path}: no dataset {path} (found: {string.Join(", ", found.DefaultIfEmpty("none"))}).");
        }
        try
        {
            return file.Get(path) as NativeDataset
                ?? throw new DataFileException($"{file.Path}: {path} is a group, not a dataset.");
        }
        catch (Exception ex) when (ex is not WorkbenchException)
        {
            throw new DataFileException($"{file.Path}: corrupt or truncated HDF5 file, cannot open {path} ({Hdf5DatasetWriter.FirstLine(ex.Message)})", ex);
        }
    }

    /// <summary>Paths of all datasets below the root, depth first in name order.</summary>
    public static List<string> ListDatasets(NativeFile file)
    {
        var paths = new List<string>();
        Collect(file, "", paths);
        return paths;
    }

    private static void Collect(IH5Group group, string prefix, List<string> paths)
    {
        foreach (var child in group.Children().OrderBy(child => child.Name, StringComparer.Ordinal))
        {
            var path = $"{prefix}/{child.Name}";
            if (child is IH5Dataset)
                paths.Add(path);
            else if (child is IH5Group subgroup)
                Collect(subgroup, path, paths);
        }
    }

    private static bool HasSignature(string path)
    {
        // HDF5 looks for the signature at 0, 512, 1024, ... (files with a user block)
        using var stream = File.OpenRead(path);
        var buffer = new byte[Signature.Length];
        for (long offset = 0; offset + Signature.Length <= stream.Length; offset = offset == 0 ? 512 : offset * 2)
        {
            stream.Position = offset;
            stream.ReadExactly(buffer);
            if (buffer.AsSpan().SequenceEqual(Signature))
                return true;
        }
        return false;
    }
}
