using System.Net;
using System.Text;

namespace Centric.Storage.Tests;

/// <summary>
/// Answers, in place of the service, what Azure Table storage answers for about 40 seconds after a Delete Table to any
/// request for that table: 409 with the error code <c>TableBeingDeleted</c>. Azurite deletes a table at once, so this
/// is the one part of that behaviour a test here cannot get from the real emulator; every other request goes through
/// to it. It sits under the SDK's own HTTP transport, so the SDK reads the answer as it would read the service's.
/// </summary>
internal sealed class TableBeingDeletedAnswer(string table) : DelegatingHandler(new HttpClientHandler())
{
    private const string Code = "TableBeingDeleted";

    private int _answered;

    /// <summary>Requests answered here instead of by the service.</summary>
    public int Answered => Volatile.Read(ref _answered);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (!path.Contains($"Tables('{table}')", StringComparison.Ordinal) && !path.EndsWith("/" + table + "()", StringComparison.Ordinal)
            && !path.EndsWith("/" + table, StringComparison.Ordinal))
        {
            return base.SendAsync(request, cancellationToken);
        }

        Interlocked.Increment(ref _answered);
        var answer = new HttpResponseMessage(HttpStatusCode.Conflict)
        {
            RequestMessage = request,
            Content = new StringContent(
                "{\"odata.error\":{\"code\":\"" + Code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\"The specified table is being deleted. Try operation later.\"}}}",
                Encoding.UTF8,
                "application/json"),
        };
        answer.Headers.Add("x-ms-error-code", Code);
        return Task.FromResult(answer);
    }
}
