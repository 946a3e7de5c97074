using System.Xml;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace Centric.Functions.Tests;

/// <summary>
/// An OData client independent of the server library: Microsoft.OData.Core's message reader reads the feed against the
/// model read from <c>$metadata</c> with Microsoft.OData.Edm's CSDL reader, and follows <c>@odata.nextLink</c>.
/// </summary>
public sealed class ODataClient(HttpClient client)
{
    public IEdmModel Model { get; private set; } = null!;

    public async Task ReadMetadataAsync()
    {
        using var response = await client.GetAsync(new Uri("/api/odata/$metadata", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var xml = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        Model = CsdlReader.Parse(xml);
    }

    /// <summary>Every row of an entity set's feed, following next links; the number of pages and the first page's count.</summary>
    public async Task<(List<Dictionary<string, object?>> Rows, int Pages, long? Count)> ReadAllAsync(string entitySet, string query = "")
    {
        var rows = new List<Dictionary<string, object?>>();
        var pages = 0;
        long? count = null;
        Uri? next = new(client.BaseAddress!, "/api/odata/" + entitySet + query);
        while (next is not null)
        {
            var (page, link, pageCount) = await ReadPageAsync(entitySet, next);
            rows.AddRange(page);
            count ??= pageCount;
            pages++;
            next = link;
            Assert.True(pages < 10_000, "The feed does not end.");
        }

        return (rows, pages, count);
    }

    public async Task<(List<Dictionary<string, object?>> Rows, Uri? Next, long? Count)> ReadPageAsync(string entitySet, Uri url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var message = new ResponseMessage(response, await response.Content.ReadAsStreamAsync());
        using var reader = new ODataMessageReader((IODataResponseMessageAsync)message, new ODataMessageReaderSettings { BaseUri = new Uri(client.BaseAddress!, "/api/odata/") }, Model);
        var set = Model.EntityContainer.FindEntitySet(entitySet);
        var feed = await reader.CreateODataResourceSetReaderAsync(set, set.EntityType);
        var rows = new List<Dictionary<string, object?>>();
        Uri? next = null;
        long? count = null;
        while (await feed.ReadAsync())
        {
            if (feed.State == ODataReaderState.ResourceEnd && feed.Item is ODataResource resource)
            {
                rows.Add(resource.Properties.OfType<ODataProperty>().ToDictionary(p => p.Name, p => p.Value is ODataNullValue ? null : p.Value));
            }
            else if (feed.State == ODataReaderState.ResourceSetEnd && feed.Item is ODataResourceSet resourceSet)
            {
                next = resourceSet.NextPageLink;
                count = resourceSet.Count;
            }
        }

        return (rows, next, count);
    }

    private sealed class ResponseMessage(HttpResponseMessage response, Stream body) : IODataResponseMessageAsync
    {
        public IEnumerable<KeyValuePair<string, string>> Headers =>
            response.Headers.Concat(response.Content.Headers).Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)));

        public int StatusCode
        {
            get => (int)response.StatusCode;
            set => throw new NotSupportedException();
        }

        public string? GetHeader(string headerName) =>
            Headers.Where(h => h.Key.Equals(headerName, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

        public void SetHeader(string headerName, string headerValue) => throw new NotSupportedException();

        public Stream GetStream() => body;

        public Task<Stream> GetStreamAsync() => Task.FromResult(body);
    }
}
