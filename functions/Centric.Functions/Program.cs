var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/", () => TypedResults.Ok());
app.Run();

/// <summary>Entry point, visible to the functional tests.</summary>
public partial class Program;
