using Centric.Storage.Keys;

namespace Centric.Functions.Api.Keys;

/// <summary>
/// The key check of every <c>/api/datasets/{dataset}/...</c> endpoint, after the name check: a dataset with keys needs
/// an <c>x-api-key</c> of its own, of role <c>read</c> (or <c>upload</c>) for a GET and <c>upload</c> for a POST. Runs
/// before an upload's body is read.
/// </summary>
internal sealed class DatasetKeyFilter(DatasetKeys keys) : IEndpointFilter
{
    /// <summary>The <c>WWW-Authenticate</c> challenge of a 401.</summary>
    public const string Challenge = "ApiKey realm=\"centric\", header=\"" + DatasetKeys.Header + "\"";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var dataset = context.HttpContext.GetRouteValue(DatasetNameFilter.Parameter) as string ?? "";
        var role = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? ApiKeyRoles.Read : ApiKeyRoles.Upload;
        var key = DatasetKeys.KeyOf(request);
        var directory = await keys.CurrentAsync(context.HttpContext.RequestAborted);
        switch (directory.Check(dataset, key, role, out var found))
        {
            case DatasetAccess.Unauthenticated:
                // A 401 names its scheme (RFC 9110 §11.6.1): a key in the x-api-key header.
                context.HttpContext.Response.Headers.WWWAuthenticate = Challenge;
                return Problems.Unauthorized(key is null
                    ? $"Dataset '{dataset}' needs a key: send it in the {DatasetKeys.Header} header."
                    : $"The {DatasetKeys.Header} header does not hold a valid key (it is unknown or revoked).");
            case DatasetAccess.Forbidden:
                return Problems.Forbidden(found!.PartitionKey != dataset
                    ? $"The {DatasetKeys.Header} key is not a key of dataset '{dataset}'."
                    : $"The {DatasetKeys.Header} key has role '{found.Role}': uploading to dataset '{dataset}' needs role '{ApiKeyRoles.Upload}'.");
        }

        if (found is not null)
        {
            await keys.NoteUseAsync(found, context.HttpContext.RequestAborted);
        }

        return await next(context);
    }
}
