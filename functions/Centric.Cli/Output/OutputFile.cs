using System.Text;

namespace Centric.Cli.Output;

/// <summary>Output files: UTF-8 without BOM, created with their folder.</summary>
internal static class OutputFile
{
    public static StreamWriter CreateText(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
    }
}
