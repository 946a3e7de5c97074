namespace Centric.Infra.Tests.Repository;

/// <summary>
/// A user clones only this repository: its documentation links stay inside it and lead somewhere, and no file
/// reads or mentions a folder kept beside it.
/// </summary>
public sealed class StandaloneRepositoryTests
{
    // Written in two parts so this file does not contain the string it looks for.
    private static readonly string BesideTheRepository = ".." + "/shared";

    private static readonly string Root = RepositoryPaths.Root;

    [Fact]
    public void Documentation_IsTheReadmeAndTheDocsFolder()
    {
        var files = DocumentationFiles().Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).ToList();

        Assert.Contains("README.md", files);
        Assert.Contains("docs/architecture.md", files);
        Assert.Contains("docs/metrics.md", files);
        Assert.Contains("docs/contract.md", files);
        Assert.Contains("docs/deploy.md", files);
    }

    [Fact]
    public void Documentation_LinksStayInsideTheRepositoryAndExist()
    {
        var problems = DocumentationFiles()
            .SelectMany(file => MarkdownLinks.Problems(Root, file, File.ReadAllText(file)))
            .ToList();

        Assert.True(problems.Count == 0, "Links a clone of the repository cannot follow:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task TrackedTextFiles_DoNotReferToAFolderBesideTheRepository()
    {
        var files = await TrackedFiles.ListAsync(Root);
        Assert.Contains("Serverless.sln", files);

        var offenders = files
            .Where(file => !file.StartsWith(".ci/", StringComparison.Ordinal))
            .Select(file => Path.Combine(Root, file))
            .Where(path => File.Exists(path) && TrackedFiles.IsText(path))
            .Where(path => File.ReadAllText(path).Contains(BesideTheRepository, StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .ToList();

        Assert.True(offenders.Count == 0, $"Files naming {BesideTheRepository}:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void CdnowTestData_IsInTheRepository()
    {
        var folder = Path.Combine(Root, "tests", "data", "cdnow");

        foreach (var name in (string[])["CDNOW_master.txt", "CDNOW_sample.txt", "cdnow_customers_summary.csv",
            "cdnow_customers_summary_with_transactions.csv", "LICENSE-lifetimes.txt", "SHA256SUMS", "README.md"])
        {
            Assert.True(File.Exists(Path.Combine(folder, name)), $"tests/data/cdnow/{name} is missing.");
        }
    }

    [Theory]
    [InlineData("[design]({up}shared/ARCHITECTURE.md)", "leaves the repository")]
    [InlineData("[design]({up}{up}ARCHITECTURE.md)", "leaves the repository")]
    [InlineData("see `{up}shared/data/cdnow` beside the clone", "climbs above the repository root")]
    [InlineData("[notes](shared/notes.md)", "names a shared folder")]
    [InlineData("[metrics](docs/missing.md)", "does not exist")]
    [InlineData("[metrics][m]\n\n[m]: docs/missing.md", "does not exist")]
    public void MarkdownLinks_ReportLinksAClonedRepositoryCannotFollow(string markdown, string expected)
    {
        // {up} stands for "../", so that this file itself names no folder beside the repository.
        var problems = MarkdownLinks.Problems(Root, Path.Combine(Root, "README.md"), markdown.Replace("{up}", "../", StringComparison.Ordinal));

        Assert.Contains(problems, problem => problem.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[deploy](docs/deploy.md#after-deploying)")]
    [InlineData("[layout](#repository-layout)")]
    [InlineData("[lifetimes](https://github.com/CamDavidsonPilon/lifetimes)")]
    [InlineData("[data](tests/data/cdnow/)")]
    [InlineData("```\n[not a link](nowhere.md)\n```")]
    [InlineData("the topic `/subscriptions/.../storageAccounts/<account>`")]
    public void MarkdownLinks_AcceptLinksInsideTheRepository(string markdown)
    {
        Assert.Empty(MarkdownLinks.Problems(Root, Path.Combine(Root, "README.md"), markdown));
    }

    private static IEnumerable<string> DocumentationFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Prepend(Path.Combine(Root, "README.md"))
            .Order(StringComparer.Ordinal);
}
