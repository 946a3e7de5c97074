using System.Text;

namespace Centric.Cli.Tests;

/// <summary>A temporary folder, deleted with the test, with helpers to write files into it.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string name = "shop")
    {
        Parent = Path.Combine(Path.GetTempPath(), "centric-cli-tests-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Parent, name);
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder (named like the dataset).</summary>
    public string Root { get; }

    private string Parent { get; }

    /// <summary>A path beside <see cref="Root"/> that does not exist yet (an output folder).</summary>
    public string Beside(string name) => Path.Combine(Parent, name);

    /// <summary>Writes <paramref name="lines"/> (LF line ends, UTF-8) at <paramref name="relativePath"/> under the root.</summary>
    public TempFolder Write(string relativePath, params string[] lines)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return this;
    }

    public void Dispose() => Directory.Delete(Parent, recursive: true);
}
