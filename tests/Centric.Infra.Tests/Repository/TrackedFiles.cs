namespace Centric.Infra.Tests.Repository;

/// <summary>
/// The repository's files, relative to its root with <c>/</c> separators: <c>git ls-files</c> in a clone; in a
/// source copy without Git, every file except build output, packages and emulator data.
/// </summary>
internal static class TrackedFiles
{
    private static readonly string[] UntrackedFolders = [".git", "bin", "obj", "node_modules", ".azurite", "TestResults", "artifacts", "out", ".vs", ".idea"];

    public static async Task<IReadOnlyList<string>> ListAsync(string root, CancellationToken cancellationToken = default)
    {
        try
        {
            var git = await ProcessRunner.RunAsync("git", ["ls-files", "-z"], root, timeout: TimeSpan.FromMinutes(1), cancellationToken: cancellationToken);
            if (git.ExitCode == 0)
            {
                return git.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries);
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on the machine: list the folder instead.
        }

        return [.. Walk(root, root)];
    }

    /// <summary>True when the file's first 8 KiB hold no NUL byte (binary files are skipped).</summary>
    public static bool IsText(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[8192];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Array.IndexOf(buffer, (byte)0, 0, read) < 0;
    }

    private static IEnumerable<string> Walk(string root, string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            yield return Path.GetRelativePath(root, file).Replace('\\', '/');
        }

        foreach (var child in Directory.EnumerateDirectories(folder).Where(d => !UntrackedFolders.Contains(Path.GetFileName(d))))
        {
            foreach (var file in Walk(root, child))
            {
                yield return file;
            }
        }
    }
}
