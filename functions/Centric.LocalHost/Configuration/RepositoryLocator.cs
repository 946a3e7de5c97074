namespace Centric.LocalHost.Configuration;

/// <summary>Finds the repository root: the first folder at or above a starting point that holds Serverless.sln.</summary>
public static class RepositoryLocator
{
    public const string SolutionFile = "Serverless.sln";

    public static string? Find(params string?[] startingPoints)
    {
        ArgumentNullException.ThrowIfNull(startingPoints);
        foreach (var start in startingPoints)
        {
            if (string.IsNullOrEmpty(start))
            {
                continue;
            }

            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
