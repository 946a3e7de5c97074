using Microsoft.AspNetCore.Http.HttpResults;

namespace Centric.Functions.Api;

/// <summary>RFC 9457 problem details for the API's errors.</summary>
internal static class Problems
{
    private const string Invalid = "The request is not valid";

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: Invalid);

    /// <summary>401: the dataset needs a key and the request has no valid one.</summary>
    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "A dataset key is required");

    /// <summary>403: the request's key is valid but does not allow this request.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "The key does not allow this request");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>400 naming the parameter: <c>errors: {"dataset": ["..."]}</c> beside the same <c>detail</c>.</summary>
    public static ValidationProblem InvalidParameter(string parameter, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [detail] }, detail: detail, title: Invalid);
    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(Hosting.UploadLimit.TooLargeDetail(limit), statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large");
}
