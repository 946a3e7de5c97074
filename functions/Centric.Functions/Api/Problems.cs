namespace Centric.Functions.Api;

/// <summary>RFC 9457 problem details for the API's errors.</summary>
internal static class Problems
{
    public static IResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult TooLarge(long limit) =>
        TypedResults.Problem(Hosting.UploadLimit.TooLargeDetail(limit), statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large");
}
