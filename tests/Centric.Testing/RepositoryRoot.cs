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

    /// <summary>The shared design folder beside the repository (holds data/cdnow), or null when absent.</summary>
    public static string? SharedFolder()
    {
        var shared = Path.GetFullPath(Path.Combine(Find(), "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }
}
