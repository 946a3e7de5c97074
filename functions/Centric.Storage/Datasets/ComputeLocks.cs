using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Centric.Storage.Connection;

namespace Centric.Storage.Datasets;

/// <summary>
/// One compute per dataset at a time: a 15-second lease on <c>scores/{dataset}/compute.lock</c>, renewed every 5
/// seconds while the compute runs. Every ingestion queues a recompute, so a dataset whose exports land together gets
/// several at once; without the lease they would all compute the same input side by side and all but one be thrown
/// away. A compute whose process dies lets its lease lapse within 15 seconds, and the message's next delivery takes over.
/// </summary>
public sealed class ComputeLocks(StorageClients clients, TimeProvider time)
{
    /// <summary>How long a lease lasts unless renewed (blob leases are 15 to 60 seconds).</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(15);

    private readonly BlobContainerClient _container = clients.Blobs.GetBlobContainerClient(clients.Names.Scores);

    public static string BlobName(string dataset) => $"{dataset}/compute.lock";

    /// <summary>The dataset's compute lock, or null when another compute holds it.</summary>
    public async Task<ComputeLock?> TryAcquireAsync(string dataset, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(BlobName(dataset));
        try
        {
            await blob.UploadAsync(
                BinaryData.Empty,
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The lock blob exists already (leased or not).
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseTime, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException)
        {
            // Storage may have granted the lease before the answer was lost: give it back (the lease id is chosen here),
            // so the next delivery is not kept waiting for it to lapse.
            try
            {
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
            catch (Exception release) when (release is RequestFailedException or HttpRequestException or AggregateException)
            {
                // Not granted, or storage is down: it lapses by itself.
            }

            throw;
        }

        return new ComputeLock(lease, time);
    }
}

/// <summary>A held compute lease, renewed in the background until disposed, then released.</summary>
public sealed class ComputeLock : IAsyncDisposable
{
    private readonly BlobLeaseClient _lease;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    internal ComputeLock(BlobLeaseClient lease, TimeProvider time)
    {
        _lease = lease;
        _renewing = RenewAsync(time, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        try
        {
            await _lease.ReleaseAsync();
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException)
        {
            // Storage did not answer: the lease lapses by itself.
        }

        _stop.Dispose();
    }

    private async Task RenewAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ComputeLocks.LeaseTime / 3, time, cancellationToken);
                await _lease.RenewAsync(cancellationToken: cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException)
            {
                // Storage did not answer this time; the next renewal tries again. Should the lease lapse meanwhile, a
                // second compute may start, and publishing (ETag-conditional, newest input wins) still keeps one.
            }
        }
    }
}
