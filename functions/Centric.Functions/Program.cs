using Centric.Functions.Api;
using Centric.Functions.Hosting;
using Centric.Functions.Invocations;
using Centric.Pipeline;

var builder = WebApplication.CreateSlimBuilder(args);
builder.UseCustomHandlerPort();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi();
builder.Services.AddCentricPipeline(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
await app.EnsureStorageAsync();

// The Functions host polls GET / until the handler answers.
app.MapGet("/", () => TypedResults.Ok());
app.MapInvocations();
app.MapGroup("/api").MapHealth().MapDatasets().MapMetrics().MapIngestions().MapExportUpload().MapCustomers().MapCohorts();
app.MapOpenApi("/api/openapi.json");
app.MapFallback("/api/{**path}", (string path) => Problems.NotFound($"There is no route /api/{path}."));

await app.RunAsync();

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
