using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Centric.Storage.Tests;

/// <summary>Every request a storage client sends, as "METHOD uri", for tests that count round trips.</summary>
internal sealed class TableRequestLog : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> _requests = new();

    public IReadOnlyList<string> All => [.. _requests];

    public void Clear() => _requests.Clear();

    public override void OnSendingRequest(HttpMessage message) => _requests.Enqueue($"{message.Request.Method} {message.Request.Uri}");
}
