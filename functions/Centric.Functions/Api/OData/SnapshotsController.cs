using Centric.Functions.Api.Serving;
using Centric.Storage.Snapshots;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;

namespace Centric.Functions.Api.OData;

/// <summary>
/// <c>/api/odata/Snapshots</c>: the snapshot rows of every dataset's current generation. A generation's rows are read
/// from the table once and then held in memory in RowKey order (<see cref="ServedRows"/>); the filter terms the table
/// could evaluate (<see cref="SnapshotPushdown"/>) pick the RowKey range and are checked as the table would, the
/// whole filter is applied a chunk of rows at a time, and a response holds one page of rows: the next page resumes
/// after the last RowKey sent, on the generation the paging started on (<see cref="SnapshotSkipToken"/>).
/// </summary>
public sealed class SnapshotsController(ODataPaging paging) : FeedController(paging)
{
    private const int FilterChunk = 1000;

    public Task<IActionResult> Get(ODataQueryOptions<Snapshot> options, CancellationToken cancellationToken) =>
        AnswerPublishedAsync(options, "snapshots", async published =>
        {
            var pushdown = SnapshotPushdown.From(options.Filter?.FilterClause);
            var sources = published.Where(d => pushdown.Dataset is null || d.Name == pushdown.Dataset).ToList();
            if (options.OrderBy is not null)
            {
                var all = new List<Snapshot>();
                foreach (var source in sources)
                {
                    await foreach (var row in MatchingAsync(source, source.Generation, pushdown, after: null, options, cancellationToken))
                    {
                        all.Add(row);
                    }
                }

                return Page(options, all);
            }

            if (options.Count?.Value == true)
            {
                long count = 0;
                foreach (var source in sources)
                {
                    await foreach (var _ in MatchingAsync(source, source.Generation, pushdown, after: null, options, cancellationToken))
                    {
                        count++;
                    }
                }

                Request.ODataFeature().TotalCount = count;
            }

            return await PageAsync(options, sources, pushdown, cancellationToken);
        }, cancellationToken);

    private async Task<IActionResult> PageAsync(
        ODataQueryOptions<Snapshot> options, List<PublishedDataset> sources, SnapshotPushdown pushdown, CancellationToken cancellationToken)
    {
        var token = SnapshotSkipToken.Decode(options.RawValues.SkipToken);
        if (token is not null && Retired(sources, token) is { } gone)
        {
            return gone;
        }

        var skip = token?.Skip ?? options.Skip?.Value ?? 0L;
        var top = token is null ? options.Top?.Value : token.Top;
        var limit = (int)Math.Min(top ?? long.MaxValue, Paging.PageSize);
        var page = new List<Snapshot>(Math.Min(limit, 1024));
        Snapshot? last = null;
        var more = false;

        foreach (var source in sources.Where(s => token is null || string.CompareOrdinal(s.Name, token.Dataset) >= 0))
        {
            var resuming = token is not null && source.Name == token.Dataset;
            var generation = resuming ? token!.Generation : source.Generation;
            await foreach (var row in MatchingAsync(source, generation, pushdown, resuming ? token!.After : null, options, cancellationToken))
            {
                if (page.Count == limit)
                {
                    more = true;
                    break;
                }

                last = row;
                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                page.Add(row);
                if (page.Count == limit && top is { } wanted && wanted <= limit)
                {
                    break;
                }
            }

            if (more || (page.Count == limit && top is { } t && t <= limit))
            {
                break;
            }
        }

        // Only $select is left to apply: filter, paging and count are done.
        var selected = options.ApplyTo(
            page.AsQueryable(),
            new ODataQuerySettings(),
            AllowedQueryOptions.Filter | AllowedQueryOptions.OrderBy | AllowedQueryOptions.Skip | AllowedQueryOptions.Top
            | AllowedQueryOptions.SkipToken | AllowedQueryOptions.Count);
        if (more && last is not null)
        {
            var next = new SnapshotSkipToken(last.Dataset, last.Generation, RowKey(last), 0, top - page.Count);
            Request.ODataFeature().NextLink = NextLink(next);
        }

        return Ok(selected);
    }

    /// <summary>
    /// A 410 when the chain's generation has been retired: only a dataset's current and previous generations are kept,
    /// so a chain started on one that two newer ones have since replaced has no rows left to resume from, and an empty
    /// page would look like the end of the data. Generation ids sort in the order they were computed, and a dataset's
    /// previous generation only moves forward, so a generation older than the previous one this instance knows of is
    /// retired (a pointer reading a few seconds old can only make this answer later, never wrong).
    /// </summary>
    private static ObjectResult? Retired(List<PublishedDataset> sources, SnapshotSkipToken token)
    {
        var source = sources.FirstOrDefault(s => s.Name == token.Dataset);
        var oldestKept = source?.Record.PreviousGeneration ?? source?.Generation;
        if (oldestKept is null || string.CompareOrdinal(token.Generation, oldestKept) >= 0)
        {
            return null;
        }

        return new ObjectResult(new Microsoft.OData.ODataError
        {
            Code = "Gone",
            Message = $"The $skiptoken resumes generation {token.Generation} of dataset '{token.Dataset}', which has been "
                + $"retired since the paging started (two newer generations were published; the current one is "
                + $"{source!.Generation}). Read again from the first page, without $skiptoken.",
        })
        { StatusCode = StatusCodes.Status410Gone };
    }

    /// <summary>The rows of one generation that pass the whole filter, in RowKey order, filtered a chunk at a time.</summary>
    private async IAsyncEnumerable<Snapshot> MatchingAsync(
        PublishedDataset source, string generation, SnapshotPushdown pushdown, string? after, ODataQueryOptions<Snapshot> options,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = await Rows.SnapshotsAsync(source, generation, cancellationToken);
        var chunk = new List<Snapshot>(FilterChunk);
        foreach (var row in rows.Range(pushdown.RowKeyPrefix, after, pushdown.Conditions))
        {
            chunk.Add(row);
            if (chunk.Count == FilterChunk)
            {
                foreach (var match in Filter(options, chunk))
                {
                    yield return match;
                }

                chunk.Clear();
            }
        }

        foreach (var match in Filter(options, chunk))
        {
            yield return match;
        }
    }

    private static List<Snapshot> Filter(ODataQueryOptions<Snapshot> options, List<Snapshot> chunk) =>
        options.Filter is { } filter
            ? [.. filter.ApplyTo(chunk.AsQueryable(), new ODataQuerySettings()).Cast<Snapshot>()]
            : [.. chunk];

    /// <summary>The request's own URL with <c>$skip</c> and <c>$top</c> replaced by the token (the function key, if any, kept).</summary>
    private Uri NextLink(SnapshotSkipToken token)
    {
        var query = Request.Query
            .Where(q => !q.Key.Equals("$skip", StringComparison.OrdinalIgnoreCase)
                && !q.Key.Equals("$top", StringComparison.OrdinalIgnoreCase)
                && !q.Key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("$skiptoken", token.Encode()));
        return new Uri(UriHelper.BuildAbsolute(Request.Scheme, Request.Host, Request.PathBase, Request.Path, QueryString.Create(query)));
    }

    private static string RowKey(Snapshot row) => RowKeys.Row(row.Metric, row.Grain, row.Period, row.Segment, row.Preset);
}
