using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// Marks one symbol-version requirement of ELF64 shared libraries as weak (VER_FLG_WEAK in vna_flags of its
// .gnu.version_r entry), so the dynamic loader accepts an older libstdc++ that lacks that version node.
// Idempotent: a file whose entry is already weak, or that has no such entry, is left untouched.
public class WeakenVersionNeed : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            try
            {
                var bytes = File.ReadAllBytes(path);
                var patched = Weaken(bytes, VersionName);
                if (patched > 0)
                {
                    File.WriteAllBytes(path, bytes);
                    Log.LogMessage(MessageImportance.Normal, $"Marked {VersionName} weak in {path}");
                }
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is ArgumentException)
            {
                Log.LogError($"Cannot patch {path}: {e.Message}");
                return false;
            }
        }
        return true;
    }

    private static int Weaken(byte[] elf, string versionName)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only little-endian ELF64 is supported");

        var sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        int entrySize = BitConverter.ToUInt16(elf, 0x3A);
        int sectionCount = BitConverter.ToUInt16(elf, 0x3C);
        var changed = 0;
        for (var s = 0; s < sectionCount; s++)
        {
            var header = sectionTable + (long)s * entrySize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != ShtGnuVerneed) continue;
            var offset = (long)BitConverter.ToUInt64(elf, (int)header + 24);
            var link = BitConverter.ToUInt32(elf, (int)header + 40);
            var needCount = BitConverter.ToUInt32(elf, (int)header + 44);
            var strings = (long)BitConverter.ToUInt64(elf, (int)(sectionTable + link * entrySize) + 24);

            var need = offset;
            for (var n = 0; n < needCount; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
                var aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    var name = ReadString(elf, strings + BitConverter.ToUInt32(elf, (int)aux + 8));
                    if (name == versionName && (flags & VerFlagWeak) == 0)
                    {
                        var weak = (ushort)(flags | VerFlagWeak);
                        elf[aux + 4] = (byte)(weak & 0xff);
                        elf[aux + 5] = (byte)(weak >> 8);
                        changed++;
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                need += BitConverter.ToUInt32(elf, (int)need + 12);
            }
        }
        return changed;
    }

    private static string ReadString(byte[] data, long start)
    {
        var end = start;
        while (data[end] != 0) end++;
        return Encoding.ASCII.GetString(data, (int)start, (int)(end - start));
    }
}
