using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Primitives;

namespace Centric.Functions.Api.OData;

/// <summary>
/// The feed's serialised answers over published generations: a request for the same URL with the same protocol headers
/// over the same generations (the set's generations tag, which also says which datasets the caller may read) gets the
/// bytes the OData serialiser wrote the first time. An answer is kept per request and replaced when the generations
/// move on, and an answer over a dataset's generation older than its previous one is dropped as soon as the newer
/// current one is known (<see cref="DropSuperseded"/>); at most <see cref="MaxAnswers"/> answers and <see cref="MaxBytes"/> bytes are kept, past which answers are
/// written per request and not kept.
/// </summary>
internal sealed class FeedAnswers
{
    /// <summary>At most this many answers are kept.</summary>
    public const int MaxAnswers = 1024;

    /// <summary>At most this many bytes of answers are kept (32 MiB).</summary>
    public const long MaxBytes = 32L << 20;

    /// <summary>The request headers an OData answer depends on besides its URL.</summary>
    private static readonly string[] Varies = ["Accept", "Accept-Charset", "Prefer", "OData-MaxVersion", "OData-Version", "x-api-key"];

    /// <summary>The response headers kept with an answer (ETag and Last-Modified are set per request).</summary>
    private static readonly string[] Kept = ["OData-Version", "Preference-Applied"];

    private const string CaptureItem = "Centric.FeedAnswers.Capture";

    private readonly ConcurrentDictionary<string, FeedAnswer> _answers = new(StringComparer.Ordinal);
    private long _bytes;

    /// <summary>
    /// The answer kept for this request over the generations <paramref name="tag"/> names, else null; on a miss the
    /// answer the request goes on to write is kept (<see cref="Capture"/>) with the generations it was written over,
    /// <paramref name="generations"/> (dataset to generation).
    /// </summary>
    public FeedAnswerResult? Find(HttpContext context, string tag, IReadOnlyDictionary<string, string> generations)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(generations);
        var key = Key(context.Request);
        if (_answers.TryGetValue(key, out var answer) && string.Equals(answer.Tag, tag, StringComparison.Ordinal))
        {
            return new FeedAnswerResult(answer);
        }

        context.Items[CaptureItem] = new Pending(key, tag, generations);
        return null;
    }

    /// <summary>True when an answer written over <paramref name="generation"/> of <paramref name="dataset"/> is kept now.</summary>
    public bool HoldsOver(string dataset, string generation) =>
        _answers.Values.Any(a => a.Generations.TryGetValue(dataset, out var g) && string.Equals(g, generation, StringComparison.Ordinal));

    /// <summary>Drops every answer written over a generation of <paramref name="dataset"/> other than <paramref name="current"/> and <paramref name="previous"/>.</summary>
    /// <returns>How many answers were dropped.</returns>
    public int DropSuperseded(string dataset, string? current, string? previous)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var dropped = 0;
        foreach (var (key, answer) in _answers)
        {
            if (answer.Generations.TryGetValue(dataset, out var generation)
                && !string.Equals(generation, current, StringComparison.Ordinal)
                && !string.Equals(generation, previous, StringComparison.Ordinal)
                && _answers.TryRemove(new KeyValuePair<string, FeedAnswer>(key, answer)))
            {
                Interlocked.Add(ref _bytes, -answer.Body.Length);
                dropped++;
            }
        }

        return dropped;
    }

    private sealed record Pending(string Key, string Tag, IReadOnlyDictionary<string, string> Generations);

    private void Keep(string key, FeedAnswer answer)
    {
        var replaced = _answers.TryGetValue(key, out var old);
        if ((!replaced && _answers.Count >= MaxAnswers) || Interlocked.Read(ref _bytes) + answer.Body.Length > MaxBytes)
        {
            return;
        }

        if (replaced ? _answers.TryUpdate(key, answer, old!) : _answers.TryAdd(key, answer))
        {
            Interlocked.Add(ref _bytes, answer.Body.Length - (replaced ? old!.Body.Length : 0));
        }
    }

    private static string Key(HttpRequest request)
    {
        var parts = new List<string>(Varies.Length + 1) { request.Scheme + "://" + request.Host + request.PathBase + request.Path + request.QueryString };
        parts.AddRange(Varies.Select(h => request.Headers[h].ToString()));
        return string.Join('\n', parts);
    }

    /// <summary>Keeps the 200 answer of a request <see cref="Find"/> missed, as the OData serialiser writes it.</summary>
    internal sealed class Capture(FeedAnswers answers) : IAsyncResultFilter
    {
        public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
        {
            ArgumentNullException.ThrowIfNull(context);
            ArgumentNullException.ThrowIfNull(next);
            var http = context.HttpContext;
            if (http.Items[CaptureItem] is not Pending pending || context.Result is not ObjectResult { StatusCode: null or 200 })
            {
                await next();
                return;
            }

            var original = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try
            {
                await next();
            }
            finally
            {
                http.Response.Body = original;
            }

            var body = buffer.ToArray();
            if (http.Response.StatusCode == StatusCodes.Status200OK)
            {
                var headers = Kept
                    .Where(h => http.Response.Headers.ContainsKey(h))
                    .Select(h => new KeyValuePair<string, StringValues>(h, http.Response.Headers[h]))
                    .ToArray();
                answers.Keep(pending.Key, new FeedAnswer(pending.Tag, pending.Generations, body, http.Response.ContentType, headers));
            }

            await original.WriteAsync(body, http.RequestAborted);
        }
    }
}

/// <summary>
/// A kept answer: the tag of the generations it was written over and those generations (dataset to generation), its
/// bytes, content type and protocol headers.
/// </summary>
internal sealed record FeedAnswer(
    string Tag, IReadOnlyDictionary<string, string> Generations, byte[] Body, string? ContentType, IReadOnlyList<KeyValuePair<string, StringValues>> Headers);

/// <summary>Writes a kept <see cref="FeedAnswer"/> as it was first written.</summary>
internal sealed class FeedAnswerResult(FeedAnswer answer) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = answer.ContentType;
        response.ContentLength = answer.Body.Length;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        return response.Body.WriteAsync(answer.Body, context.HttpContext.RequestAborted).AsTask();
    }
}
