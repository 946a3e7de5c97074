namespace Centric.Cli.Tests;

/// <summary>The published CDNOW files in tests/data/cdnow under the folder holding Serverless.sln.</summary>
internal static class CdnowFiles
{
    public static string PathOf(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                var path = Path.Combine(dir.FullName, "tests", "data", "cdnow", fileName);
                return File.Exists(path)
                    ? path
                    : throw new FileNotFoundException(
                        $"CDNOW test data '{fileName}' is missing: expected it at {path} (tests/data/cdnow in the repository).",
                        path);
            }
        }

        throw new FileNotFoundException($"CDNOW test data '{fileName}' not found: no folder holding Serverless.sln above {AppContext.BaseDirectory}.");
    }
}
