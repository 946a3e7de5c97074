namespace Centric.Cli.Commands;

/// <summary>What <c>centric bench --serve</c> prints: how long each run lasted and one entry per route measured.</summary>
/// <param name="Seconds">How long wrk ran at each connection count, against each server.</param>
/// <param name="Routes">One entry per route, in the order they were measured.</param>
internal sealed record ServeBenchReport(int Seconds, IReadOnlyList<ServeRoute> Routes);

/// <summary>One route: its answer's size and one row per connection count.</summary>
/// <param name="Route">The handler route measured (its query included).</param>
/// <param name="Bytes">Size of the answer, served byte for byte the same by both servers.</param>
/// <param name="Runs">One measurement per connection count, in the order they ran.</param>
internal sealed record ServeRoute(string Route, int Bytes, IReadOnlyList<ServeRun> Runs);

/// <summary>The handler beside the bare static-file server at one connection count.</summary>
/// <param name="Connections">wrk's open connections.</param>
/// <param name="Threads">wrk's threads (never more than connections).</param>
/// <param name="Handler">The handler's figures.</param>
/// <param name="StaticFile">The static-file server's figures on the same bytes.</param>
/// <param name="Ratio">Handler requests/s ÷ static-file requests/s; null when the static server answered nothing.</param>
/// <param name="MeetsGoal">Ratio at least 0.5 and the handler's p99 under 20 ms, with no failed requests.</param>
internal sealed record ServeRun(int Connections, int Threads, Bench.WrkResult Handler, Bench.WrkResult StaticFile, double? Ratio, bool MeetsGoal);
