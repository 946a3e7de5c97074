using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Centric.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Centric.Cli.Tests.Commands;

/// <summary><c>centric keys</c> against a real Azurite, found through <c>AzureWebJobsStorage</c> as the function app finds it.</summary>
public sealed class KeysCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private CliRun Keys(TimeProvider? time, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var connection = azurite.ConnectionString;
        var code = CentricCli.Run(["keys", .. args], stdout, stderr, time, name => name == "AzureWebJobsStorage" ? connection : null);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Err);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    private static string Dataset() => "acme-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Create_PrintsTheKeyOnce_AndStoresOnlyItsSha256UnderTheDataset()
    {
        var dataset = Dataset();

        var created = Json(Keys(new FakeTimeProvider(Created), "create", "--dataset", dataset, "--role", "read"));

        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("id").GetString()!;
        Assert.Matches("^ck_[0-9a-f]{12}_[0-9a-f]{64}$", key);
        Assert.Equal("ck_" + id + "_", key[..16]);
        Assert.Equal(dataset, created.GetProperty("dataset").GetString());
        Assert.Equal("read", created.GetProperty("role").GetString());
        Assert.Equal(Created, created.GetProperty("createdAt").GetDateTimeOffset());

        var table = new TableClient(azurite.ConnectionString, "keys");
        var entity = (await table.GetEntityAsync<TableEntity>(dataset, id)).Value;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), entity.GetString("Hash"));
        Assert.DoesNotContain(entity, e => e.Value is string s && s.Contains(key[16..], StringComparison.Ordinal));
    }

    [Fact]
    public void List_ShowsIdRoleAndTimes_NeverTheKeyOrItsHash()
    {
        var dataset = Dataset();
        var read = Json(Keys(new FakeTimeProvider(Created), "create", "--dataset", dataset, "--role", "read"));
        var upload = Json(Keys(new FakeTimeProvider(Created.AddMinutes(1)), "create", "--dataset", dataset, "--role", "upload"));
        Json(Keys(null, "create", "--dataset", Dataset(), "--role", "read"));

        var run = Keys(null, "list", "--dataset", dataset);

        var listed = Json(run).EnumerateArray().ToList();
        Assert.Equal(2, listed.Count);
        Assert.Equal(read.GetProperty("id").GetString(), listed[0].GetProperty("id").GetString());
        Assert.Equal("read", listed[0].GetProperty("role").GetString());
        Assert.Equal(Created, listed[0].GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, listed[0].GetProperty("revokedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, listed[0].GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(upload.GetProperty("id").GetString(), listed[1].GetProperty("id").GetString());
        Assert.Equal("upload", listed[1].GetProperty("role").GetString());
        foreach (var key in new[] { read, upload }.Select(k => k.GetProperty("key").GetString()!))
        {
            Assert.DoesNotContain(key[16..], run.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), run.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("hash", run.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Revoke_MarksTheKeyRevoked_AndTheListingShowsWhen()
    {
        var dataset = Dataset();
        var id = Json(Keys(new FakeTimeProvider(Created), "create", "--dataset", dataset, "--role", "upload")).GetProperty("id").GetString()!;
        var revokedAt = Created.AddDays(2);

        var revoked = Json(Keys(new FakeTimeProvider(revokedAt), "revoke", "--dataset", dataset, "--id", id));

        Assert.Equal(id, revoked.GetProperty("id").GetString());
        Assert.Equal(revokedAt, revoked.GetProperty("revokedAt").GetDateTimeOffset());
        var listed = Assert.Single(Json(Keys(null, "list", "--dataset", dataset)).EnumerateArray());
        Assert.Equal(revokedAt, listed.GetProperty("revokedAt").GetDateTimeOffset());
    }

    [Fact]
    public void Revoke_OfAnotherDatasetsKey_IsRefused_AndLeavesItLive()
    {
        var owner = Dataset();
        var id = Json(Keys(null, "create", "--dataset", owner, "--role", "read")).GetProperty("id").GetString()!;

        var run = Keys(null, "revoke", "--dataset", Dataset(), "--id", id);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"has no key '{id}'", run.Err, StringComparison.Ordinal);
        var listed = Assert.Single(Json(Keys(null, "list", "--dataset", owner)).EnumerateArray());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public void List_OfADatasetWithoutKeys_IsEmpty()
    {
        Assert.Empty(Json(Keys(null, "list", "--dataset", Dataset())).EnumerateArray());
    }

    [Theory]
    [InlineData("--role is required", "create", "--dataset", "acme")]
    [InlineData("--role 'admin' is not one of read, upload.", "create", "--dataset", "acme", "--role", "admin")]
    [InlineData("--dataset is required.", "list")]
    [InlineData("--dataset 'ac/me' is not a dataset name", "list", "--dataset", "ac/me")]
    [InlineData("--id is required", "revoke", "--dataset", "acme")]
    [InlineData("--id 'ck_123' is not a key id", "revoke", "--dataset", "acme", "--id", "ck_123")]
    [InlineData("unknown subcommand 'rotate'.", "rotate")]
    [InlineData("unknown option '--role'.", "list", "--dataset", "acme", "--role", "read")]
    public void BadArguments_AreUsageErrors_NamingTheOption(string message, params string[] args)
    {
        var run = Keys(null, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void WithoutStorageSettings_SaysWhichSettingToSet()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CentricCli.Run(["keys", "list", "--dataset", "acme"], stdout, stderr, null, _ => null);

        Assert.Equal(2, code);
        Assert.Contains("set AzureWebJobsStorage", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnreachableStorage_FailsWithExitCodeOne_WithoutPrintingTheConnectionString()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        const string secret = "c2VjcmV0LWtleS1mb3ItYS1zdG9yYWdlLWFjY291bnQtdGhhdC1kb2VzLW5vdC1leGlzdA==";
        var unreachable = $"DefaultEndpointsProtocol=http;AccountName=nobody;AccountKey={secret};TableEndpoint=http://127.0.0.1:9/nobody;BlobEndpoint=http://127.0.0.1:9/nobody;QueueEndpoint=http://127.0.0.1:9/nobody";

        var code = CentricCli.Run(["keys", "list", "--dataset", "acme"], stdout, stderr, null, name => name == "AzureWebJobsStorage" ? unreachable : null);

        Assert.Equal(1, code);
        Assert.Contains("the storage account could not be used", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stderr.ToString(), StringComparison.Ordinal);
    }
}
