namespace Centric.LocalHost.Configuration;

/// <summary>A queueTrigger function: the queue it drains and the connection setting it names.</summary>
public sealed record QueueFunction(string Name, string BindingName, string QueueName, string Connection)
    : FunctionDefinition(Name, BindingName)
{
    public string PoisonQueueName => QueueName + "-poison";
}
