using System.Text.RegularExpressions;

namespace Centric.Infra.Tests.Repository;

/// <summary>
/// Finds the links and relative paths of a Markdown file that a clone of the repository cannot follow: a target
/// outside the repository (<c>../</c> climbing above its root, or a folder named <c>shared/</c>), or a relative
/// link whose file or folder does not exist. Web links (<c>https:</c>, <c>mailto:</c>) and in-page anchors are
/// not checked.
/// </summary>
internal static partial class MarkdownLinks
{
    /// <summary>Problems of one Markdown file, each naming the file, the target and what is wrong.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="file">The Markdown file, under <paramref name="root"/>.</param>
    /// <param name="text">Its contents.</param>
    public static IReadOnlyList<string> Problems(string root, string file, string text)
    {
        var problems = new List<string>();
        var name = Path.GetRelativePath(root, file).Replace('\\', '/');
        var folder = Path.GetDirectoryName(file)!;

        // Link syntax is looked for outside code, where brackets and parentheses are only text.
        var prose = InlineCode().Replace(FencedCode().Replace(text, ""), "code");
        var targets = InlineLink().Matches(prose).Select(m => m.Groups["target"].Value)
            .Concat(ReferenceDefinition().Matches(prose).Select(m => m.Groups["target"].Value));
        foreach (var target in targets.Distinct(StringComparer.Ordinal))
        {
            if (Check(root, folder, target) is { } problem)
            {
                problems.Add($"{name}: link '{target}' {problem}");
            }
        }

        // A path written as text or code counts too: it must not climb above the root or name the shared folder.
        foreach (var path in ParentPath().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            if (!IsInside(root, Path.GetFullPath(Path.Combine(folder, path))))
            {
                problems.Add($"{name}: path '{path}' climbs above the repository root");
            }
        }

        foreach (var path in SharedFolder().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            problems.Add($"{name}: '{path}' names a shared folder outside the repository");
        }

        return problems;
    }

    private static string? Check(string root, string folder, string target)
    {
        if (target.Length == 0 || target[0] == '#' || Scheme().IsMatch(target))
        {
            return null;
        }

        var path = Uri.UnescapeDataString(target.Split('#', 2)[0].Split('?', 2)[0]);
        if (path.Length == 0)
        {
            return null;
        }

        // As on GitHub, a leading '/' starts at the repository root.
        var full = Path.GetFullPath(path[0] == '/' ? Path.Combine(root, path.TrimStart('/')) : Path.Combine(folder, path));
        if (!IsInside(root, full))
        {
            return "leaves the repository";
        }

        if (SharedFolder().IsMatch(path))
        {
            return "names a shared folder outside the repository";
        }

        return File.Exists(full) || Directory.Exists(full) ? null : $"points to {Path.GetRelativePath(root, full).Replace('\\', '/')}, which does not exist";
    }

    private static bool IsInside(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        return relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !relative.StartsWith(@"..\", StringComparison.Ordinal)
            && !Path.IsPathRooted(relative);
    }

    [GeneratedRegex(@"^\s*(```|~~~).*?^\s*\1", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex("`[^`\n]*`")]
    private static partial Regex InlineCode();

    /// <summary><c>[text](target "title")</c> and <c>![alt](target)</c>; one level of brackets inside the text.</summary>
    [GeneratedRegex("""\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?(?<target>[^)\s>]*)>?(?:\s+["'(][^)]*)?\)""")]
    private static partial Regex InlineLink();

    /// <summary><c>[label]: target</c> at the start of a line.</summary>
    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*<?(?<target>[^\s>]+)>?", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    /// <summary>A relative path that starts by going up: <c>../x</c>, <c>../../x/y.md</c> (not the middle of a URL).</summary>
    [GeneratedRegex(@"(?<![\w./:])(?:\.\./)+[\w.\-/]*")]
    private static partial Regex ParentPath();

    /// <summary>A path segment <c>shared/</c>, as in a design folder kept beside the repository.</summary>
    [GeneratedRegex(@"(?<![\w\-])shared/[\w.\-/]*", RegexOptions.IgnoreCase)]
    private static partial Regex SharedFolder();
}
