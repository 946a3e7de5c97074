using Centric.Storage.Exports;

namespace Centric.Functions.Api;

/// <summary>
/// The one check of the <c>{dataset}</c> route value for every <c>/api/datasets/{dataset}/...</c> endpoint: a name
/// that could not be a dataset is a 400 naming the parameter, before any storage is read.
/// </summary>
internal sealed class DatasetNameFilter : IEndpointFilter
{
    public const string Parameter = "dataset";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var dataset = context.HttpContext.GetRouteValue(Parameter) as string ?? "";
        return ExportPath.IsValidDatasetName(dataset)
            ? await next(context)
            : Problems.InvalidParameter(Parameter, $"'{dataset}' is not a dataset name (letters, digits, '-' and '_', at most 63).");
    }
}
