using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Centric.Engine.Samples;
using Centric.LocalHost.Logging;
using Microsoft.Extensions.Logging;

namespace Centric.LocalHost.Samples;

/// <summary>
/// Drops the generated sample datasets where a finance team would, one file per export kind: the shop
/// (<c>exports/sample/orders/orders.csv</c>, <c>exports/sample/customers/customers.csv</c>, surveys, tickets, ...) and
/// the SaaS business (<c>exports/saas/subscriptions/subscriptions.csv</c>, its customers and fx rates), so the next
/// ScanExports picks them up.
/// </summary>
public static class SampleSeeder
{
    public const string Container = "exports";

    public const string Dataset = "sample";

    public static async Task SeedAsync(BlobServiceClient blobs, SampleOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        var container = blobs.GetBlobContainerClient(Container);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await UploadAsync(container, $"{Dataset}/customers/customers.csv", writer =>
        {
            SampleExports.WriteCustomersCsv(writer, options);
            return options.Customers;
        }, logger, cancellationToken);
        await UploadAsync(container, $"{Dataset}/fx-rates/fx-rates.csv", writer => SampleExports.WriteFxRatesCsv(writer, options), logger, cancellationToken);
        await UploadAsync(container, $"{Dataset}/orders/orders.csv", writer => SampleExports.WriteOrdersCsv(writer, options), logger, cancellationToken);
        await UploadAsync(container, $"{Dataset}/surveys/surveys.csv", writer => SampleExperience.WriteSurveysCsv(writer, options), logger, cancellationToken);
        await UploadAsync(container, $"{Dataset}/tickets/tickets.csv", writer => SampleExperience.WriteTicketsCsv(writer, options), logger, cancellationToken);
        await UploadAsync(container, $"{Dataset}/onboarding/onboarding.csv", writer => SampleExperience.WriteOnboardingCsv(writer, options), logger, cancellationToken);
        await UploadAsync(container, $"{Dataset}/communications/communications.csv", writer => SampleExperience.WriteCommunicationsCsv(writer, options), logger, cancellationToken);
        await UploadAsync(container, $"{Dataset}/mentions/mentions.csv", writer => SampleExperience.WriteMentionsCsv(writer, options), logger, cancellationToken);

        var saas = SampleSaas.For(options);
        await UploadAsync(container, $"{SampleSaas.Dataset}/customers/customers.csv", writer => SampleSaas.WriteCustomersCsv(writer, saas), logger, cancellationToken);
        await UploadAsync(container, $"{SampleSaas.Dataset}/fx-rates/fx-rates.csv", writer => SampleExports.WriteFxRatesCsv(writer, saas), logger, cancellationToken);
        await UploadAsync(container, $"{SampleSaas.Dataset}/subscriptions/subscriptions.csv", writer => SampleSaas.WriteSubscriptionsCsv(writer, saas), logger, cancellationToken);
    }

    private static async Task UploadAsync(BlobContainerClient container, string name, Func<TextWriter, long> write, ILogger logger, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        long rows;
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            rows = write(writer);
        }

        buffer.Position = 0;
        await container.GetBlobClient(name).UploadAsync(buffer, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv; charset=utf-8" },
        }, cancellationToken);
        logger.SampleWritten(container.Name, name, rows);
    }
}
