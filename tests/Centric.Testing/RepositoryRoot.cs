namespace Centric.Testing;

/// <summary>Finds the repository root (the folder holding Serverless.sln) from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Serverless.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The published CDNOW files the CLV tests read: tests/data/cdnow in the repository.</summary>
    public static string CdnowFolder() => Path.Combine(Find(), "tests", "data", "cdnow");
}
