using Centric.Functions.Api;
using Centric.Functions.Api.OData;
using Centric.Functions.Dashboard;
using Centric.Functions.Hosting;
using Centric.Functions.Invocations;
using Centric.Pipeline;

var builder = WebApplication.CreateSlimBuilder(args);
builder.UseCustomHandlerPort();
// The handler is the host edge: the one place the wall clock enters; everything below reads this TimeProvider.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCentricApi(builder.Configuration);
builder.Services.AddCentricOData(builder.Configuration);
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddCentricPipeline(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
await app.EnsureStorageAsync();

// The Functions host polls GET / until the handler answers.
app.MapGet("/", () => TypedResults.Ok()).ExcludeFromDescription();
app.MapInvocations();
app.MapDashboard();
app.MapCentricApi();
app.MapCentricOData();

await app.RunAsync();

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
