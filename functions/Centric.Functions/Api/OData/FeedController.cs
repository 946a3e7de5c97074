using System.Security.Cryptography;
using System.Text;
using Centric.Functions.Api.Keys;
using Centric.Functions.Api.Serving;
using Centric.Storage.Datasets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Validator;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.OData;

namespace Centric.Functions.Api.OData;

/// <summary>
/// What the feed's entity sets share: query errors as OData errors (400), the API's ETag and 304 on
/// <c>If-None-Match</c>, and server-driven paging of sets small enough to query in memory.
/// </summary>
public abstract class FeedController(ODataPaging paging) : ODataController
{
    private static readonly ODataValidationSettings Validation = new() { MaxTop = int.MaxValue, MaxNodeCount = 200 };

    protected ODataPaging Paging { get; } = paging;

    /// <summary>Validates the query options, then answers; a query the feed cannot run is a 400 in the OData error format.</summary>
    protected async Task<IActionResult> AnswerAsync(ODataQueryOptions options, Func<Task<IActionResult>> answer)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            options.Validate(Validation);
            return await answer();
        }
        catch (ODataException e)
        {
            return BadRequest(new ODataError { Code = "BadRequest", Message = e.Message });
        }
    }

    /// <summary>
    /// Answers a read of published generations (the set <paramref name="set"/>): 304 when the client's copy is current,
    /// the answer kept for this request over these generations when there is one (its URL was validated when it was
    /// first answered), else validates the query and answers it with <paramref name="answer"/>.
    /// </summary>
    private protected async Task<IActionResult> AnswerPublishedAsync(
        ODataQueryOptions options, string set, Func<IReadOnlyList<PublishedDataset>, Task<IActionResult>> answer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var published = await PublishedAsync(cancellationToken);
        var tag = GenerationsTag(set, published);
        if (KeptAnswer(tag, published) is { } kept)
        {
            return NotModified(tag, LastComputed(published)) ? NotModifiedResult() : kept;
        }

        return await AnswerAsync(options, () =>
            NotModified(tag, LastComputed(published)) ? Task.FromResult(NotModifiedResult()) : answer(published));
    }

    /// <summary>Applies every query option to rows held in memory, a page at a time (<c>@odata.nextLink</c> beyond it).</summary>
    protected IActionResult Page<T>(ODataQueryOptions<T> options, IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Ok(options.ApplyTo(rows.AsQueryable(), new ODataQuerySettings { PageSize = Paging.PageSize }));
    }

    /// <summary>Sets ETag and Last-Modified; true when the client's copy is current (answer 304).</summary>
    protected bool NotModified(string tag, DateTimeOffset? lastModified) => Conditional.IsNotModified(HttpContext, tag, lastModified);

    /// <summary>
    /// The answer already written for this request over the generations <paramref name="tag"/> names, else null (and the
    /// answer this request writes is kept: <see cref="FeedAnswers"/>).
    /// </summary>
    private protected IActionResult? KeptAnswer(string tag, IReadOnlyList<PublishedDataset> published) =>
        HttpContext.RequestServices.GetRequiredService<FeedAnswers>().Find(
            HttpContext, tag, published.ToDictionary(d => d.Name, d => d.Generation, StringComparer.Ordinal));

    protected static IActionResult NotModifiedResult() => new StatusCodeResult(StatusCodes.Status304NotModified);

    /// <summary>A short, stable tag for a set of facts (generations, ledger versions).</summary>
    protected static string Tag(string set, IEnumerable<string> facts) =>
        set + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', facts))).AsSpan(0, 8));

    /// <summary>
    /// The datasets this request may read: every dataset without keys, and a dataset with keys only when the request
    /// presents one of its keys in <c>x-api-key</c> (the feed leaves out what the caller cannot read, it does not refuse).
    /// </summary>
    private protected async Task<IReadOnlyList<DatasetRecord>> ReadableAsync(DatasetRegistry datasets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        var directory = await HttpContext.RequestServices.GetRequiredService<DatasetKeys>().CurrentAsync(cancellationToken);
        var key = DatasetKeys.KeyOf(Request);
        return [.. (await datasets.ListAsync(cancellationToken)).Where(r => directory.CanRead(r.RowKey, key))];
    }

    /// <summary>
    /// Every dataset the request may read with a published generation, in name order, from the dataset list as
    /// <see cref="CurrentGenerations"/> last read it (re-read once 2 s old, at once after a compute here).
    /// </summary>
    private protected async Task<IReadOnlyList<PublishedDataset>> PublishedAsync(CancellationToken cancellationToken)
    {
        var generations = HttpContext.RequestServices.GetRequiredService<CurrentGenerations>();
        var directory = await HttpContext.RequestServices.GetRequiredService<DatasetKeys>().CurrentAsync(cancellationToken);
        var key = DatasetKeys.KeyOf(Request);
        return Published([.. (await generations.ListAsync(cancellationToken)).Where(r => directory.CanRead(r.RowKey, key))]);
    }

    private static IReadOnlyList<PublishedDataset> Published(IReadOnlyList<DatasetRecord> readable) =>
        [.. readable
            .Where(r => r is { CurrentGeneration: not null, AsOfDate: not null })
            .Select(r => new PublishedDataset(r.RowKey, r.CurrentGeneration!, r.AsOfDate!.Value, r.ComputedAt, r))
            .OrderBy(d => d.Name, StringComparer.Ordinal)];

    /// <summary>The rows of published generations, held in memory (<see cref="ServedRows"/>).</summary>
    private protected ServedRows Rows => HttpContext.RequestServices.GetRequiredService<ServedRows>();

    /// <summary>The tag of the published generations: it changes whenever any dataset publishes a new one.</summary>
    private protected static string GenerationsTag(string set, IReadOnlyList<PublishedDataset> published) =>
        Tag(set, published.Select(d => d.Name + "|" + d.Generation));

    private protected static DateTimeOffset? LastComputed(IReadOnlyList<PublishedDataset> published) => published.Max(d => d.ComputedAt);
}
