using Centric.Storage.Connection;

namespace Centric.Testing;

/// <summary>A fresh set of container, queue and table names, so a test sees only its own data.</summary>
public static class StorageTestNames
{
    public static StorageNames Unique() => new("t" + Guid.NewGuid().ToString("N")[..10]);
}
