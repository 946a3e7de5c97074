using System.Text.Json;
using Azure;
using Azure.Identity;
using Centric.Cli.Arguments;
using Centric.Cli.Output;
using Centric.Storage.Connection;
using Centric.Storage.Exports;
using Centric.Storage.Keys;

namespace Centric.Cli.Commands;

/// <summary>
/// <c>centric keys create|list|revoke</c>: dataset-scoped API keys in the app's <c>keys</c> table, through the storage
/// account named by <c>AzureWebJobsStorage</c> (a connection string, or <c>AzureWebJobsStorage__accountName</c> with
/// the signed-in Azure identity), exactly as the function app finds it. A key's text is printed once, by
/// <c>create</c>; only its SHA-256 is stored.
/// </summary>
internal static class KeysCommand
{
    private static readonly string[] Verbs = ["create", "list", "revoke"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TimeProvider time, Func<string, string?> environment)
    {
        if (args.Count == 0 || !Verbs.Contains(args[0]))
        {
            return UsageError(stderr, args.Count == 0 ? "a subcommand is required: create, list or revoke." : $"unknown subcommand '{args[0]}'.");
        }

        var verb = args[0];
        string[] options = verb switch
        {
            "create" => ["dataset", "role"],
            "list" => ["dataset"],
            _ => ["dataset", "id"],
        };
        var parsed = CommandArguments.Parse([.. args.Skip(1)], options, [], out var error);
        if (parsed is null)
        {
            return UsageError(stderr, error!);
        }

        if (parsed.Value("dataset") is not { } dataset)
        {
            return UsageError(stderr, "--dataset is required.");
        }

        if (!ExportPath.IsValidDatasetName(dataset))
        {
            return UsageError(stderr, $"--dataset '{dataset}' is not a dataset name (letters, digits, '-' and '_', at most 63).");
        }

        var role = parsed.Value("role");
        var id = parsed.Value("id");
        if (verb == "create" && (role is null || !ApiKeyRoles.IsKnown(role)))
        {
            return UsageError(stderr, role is null ? "--role is required (read or upload)." : $"--role '{role}' is not one of read, upload.");
        }

        if (verb == "revoke" && (id is null || !ApiKeySecret.IsId(id)))
        {
            return UsageError(stderr, id is null ? "--id is required (the id that 'centric keys list' shows)." : $"--id '{id}' is not a key id (12 hex digits).");
        }

        StorageClients clients;
        try
        {
            clients = StorageClients.FromSettings(name => environment(name.Length == 0 ? StorageClients.SettingName : StorageClients.SettingName + "__" + name));
        }
        catch (InvalidOperationException e)
        {
            return Fail(stderr, e.Message, CentricCli.Unusable);
        }

        var store = new ApiKeyStore(clients);
        try
        {
            return verb switch
            {
                "create" => Create(store, dataset, role!, time, stdout, stderr),
                "list" => List(store, dataset, stdout),
                _ => Revoke(store, dataset, id!, time, stdout, stderr),
            };
        }
        catch (Exception e) when (e is RequestFailedException or AuthenticationFailedException or AggregateException or HttpRequestException)
        {
            return Fail(stderr, $"the storage account could not be used: {FirstLine(e.Message)}", CentricCli.Failed);
        }
    }

    private static int Create(ApiKeyStore store, string dataset, string role, TimeProvider time, TextWriter stdout, TextWriter stderr)
    {
        var (record, key) = store.CreateAsync(dataset, role, time.GetUtcNow()).GetAwaiter().GetResult();
        stdout.WriteLine(JsonSerializer.Serialize(new CreatedKey(dataset, record.RowKey, record.Role, record.CreatedAt, key), CliJsonContext.Default.CreatedKey));
        stderr.WriteLine($"centric keys: this is the only time key {record.RowKey} is shown; store it now. Requests to dataset '{dataset}' now need a key.");
        return CentricCli.Success;
    }

    private static int List(ApiKeyStore store, string dataset, TextWriter stdout)
    {
        var keys = store.ListAsync(dataset).GetAwaiter().GetResult()
            .Select(r => new ListedKey(r.RowKey, r.Role, r.CreatedAt, r.LastUsedAt, r.RevokedAt))
            .ToList();
        stdout.WriteLine(JsonSerializer.Serialize<IReadOnlyList<ListedKey>>(keys, CliJsonContext.Default.IReadOnlyListListedKey));
        return CentricCli.Success;
    }

    private static int Revoke(ApiKeyStore store, string dataset, string id, TimeProvider time, TextWriter stdout, TextWriter stderr)
    {
        if (!store.RevokeAsync(dataset, id, time.GetUtcNow()).GetAwaiter().GetResult())
        {
            return Fail(stderr, $"dataset '{dataset}' has no key '{id}'.", CentricCli.Unusable);
        }

        var revoked = store.ListAsync(dataset).GetAwaiter().GetResult().Single(r => r.RowKey == id);
        stdout.WriteLine(JsonSerializer.Serialize(
            new ListedKey(revoked.RowKey, revoked.Role, revoked.CreatedAt, revoked.LastUsedAt, revoked.RevokedAt), CliJsonContext.Default.ListedKey));
        return CentricCli.Success;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"centric keys: {message}");
        stderr.WriteLine("usage:");
        stderr.WriteLine(Usage.Keys);
        return CentricCli.Unusable;
    }

    private static int Fail(TextWriter stderr, string message, int code)
    {
        stderr.WriteLine($"centric keys: {message}");
        return code;
    }
}

/// <summary>A new key, as <c>centric keys create</c> prints it: the only output that holds the key's text.</summary>
internal sealed record CreatedKey(string Dataset, string Id, string Role, DateTimeOffset CreatedAt, string Key);

/// <summary>A key as <c>centric keys list</c> and <c>revoke</c> print it: never its text or hash.</summary>
internal sealed record ListedKey(string Id, string Role, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
