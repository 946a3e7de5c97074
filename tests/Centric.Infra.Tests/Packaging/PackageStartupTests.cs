using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Centric.Infra.Tests.Packaging;

/// <summary>Unzipped as Flex does, the package starts with host.json's command and answers the host's probe.</summary>
[Collection(PackageGroup.Name)]
public sealed class PackageStartupTests(PackageFixture package)
{
    [Fact]
    public async Task Package_StartedWithHostJsonsCommand_AnswersGetRootWithin30Seconds()
    {
        var folder = Directory.CreateTempSubdirectory("centric-unzipped-").FullName;
        try
        {
            await ZipFile.ExtractToDirectoryAsync(package.ZipPath, folder);
            var description = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "host.json")))?["customHandler"]?["description"];
            var start = new ProcessStartInfo(description?["defaultExecutablePath"]?.GetValue<string>() ?? "")
            {
                WorkingDirectory = Path.Combine(folder, description?["workingDirectory"]?.GetValue<string>() ?? ""),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in description?["arguments"] as JsonArray ?? [])
            {
                start.ArgumentList.Add(argument!.GetValue<string>());
            }

            // A free port can be taken by a server started beside this test before the handler binds it: the handler
            // then exits saying so, and another port is tried.
            HttpStatusCode? status = null;
            var stderr = "";
            for (var attempt = 1; attempt <= 3 && status is null; attempt++)
            {
                (status, stderr) = await StartAndProbeAsync(start, FreePort());
                if (!stderr.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    break;
                }
            }

            Assert.True(status == HttpStatusCode.OK, $"GET / answered {status?.ToString() ?? "nothing"}. stderr: {stderr}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Starts the handler on <paramref name="port"/> as the Functions host would, probes GET /, stops it: the answer and its stderr.</summary>
    private static async Task<(HttpStatusCode? Status, string Stderr)> StartAndProbeAsync(ProcessStartInfo start, int port)
    {
        // What the Functions host passes; ASPNETCORE_URLS keeps the probe independent of how the handler reads the port.
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The handler did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        HttpStatusCode? status;
        try
        {
            status = await ProbeAsync(new Uri($"http://127.0.0.1:{port}/"), process, TimeSpan.FromSeconds(30));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _ = await output;
        return (status, await error);
    }

    private static async Task<HttpStatusCode?> ProbeAsync(Uri uri, Process process, TimeSpan limit)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < limit && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(uri);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
