namespace Centric.Storage;

/// <summary>Marker for the storage assembly.</summary>
public static class StorageAssembly;
