using System.Text.Json;
using System.Text.Json.Serialization;
using Centric.Domain.Numerics;

namespace Centric.Cli.Output;

/// <summary>Fit outcomes as the words <c>fit-clv</c> prints: <c>converged</c>, <c>not-converged</c>, <c>insufficient-data</c>.</summary>
internal sealed class FitOutcomeConverter() : JsonStringEnumConverter<FitOutcome>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);
