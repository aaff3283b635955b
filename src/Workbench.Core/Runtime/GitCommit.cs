namespace Workbench.Core.Runtime;

/// <summary>The commit checked out in the repository above a folder, read from .git without running git.</summary>
public static class GitCommit
{
    public static string? Find(string startFolder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startFolder)); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (File.Exists(git)) git = ResolveGitFile(git, dir.FullName);
            if (git is null || !Directory.Exists(git)) continue;
            return ReadHead(git);
        }
        return null;
    }

    private static string? ResolveGitFile(string file, string folder)
    {
        var line = File.ReadAllText(file).Trim();
        return line.StartsWith("gitdir: ", StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(folder, line[8..])) : null;
    }

    private static string? ReadHead(string gitDir)
    {
        var headPath = Path.Combine(gitDir, "HEAD");
        if (!File.Exists(headPath)) return null;
        var head = File.ReadAllText(headPath).Trim();
        if (!head.StartsWith("ref: ", StringComparison.Ordinal)) return head;
        var reference = head[5..];
        var common = File.Exists(Path.Combine(gitDir, "commondir"))
            ? Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(Path.Combine(gitDir, "commondir")).Trim()))
            : gitDir;
        foreach (var dir in new[] { gitDir, common })
        {
            var loose = Path.Combine(dir, reference);
            if (File.Exists(loose)) return File.ReadAllText(loose).Trim();
            var packed = Path.Combine(dir, "packed-refs");
            if (!File.Exists(packed)) continue;
            var match = File.ReadLines(packed).FirstOrDefault(l => l.EndsWith(" " + reference, StringComparison.Ordinal));
            if (match is not null) return match[..match.IndexOf(' ')];
        }
        return null;
    }
}
