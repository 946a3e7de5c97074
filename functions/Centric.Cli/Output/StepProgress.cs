using System.Globalization;

namespace Centric.Cli.Output;

/// <summary>
/// Tells the person what a long command is doing and how far it is, on standard error: a progress bar redrawn in place
/// on a terminal, one plain line per step when the output is redirected (a log, a pipe, a test).
/// </summary>
internal sealed class StepProgress(TextWriter writer, string command, int total, bool terminal)
{
    private const int BarWidth = 24;
    private int _done;
    private int _width;

    /// <summary>A reporter for <paramref name="stderr"/>: a bar when it is the console's own standard error on a terminal.</summary>
    public static StepProgress For(TextWriter stderr, string command, int total) =>
        new(stderr, command, total, ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>Starts the next step of the total: <paramref name="what"/> is being done.</summary>
    public void Step(string what)
    {
        _done = Math.Min(_done + 1, total);
        Detail(what);
    }

    /// <summary>Says what the current step is doing, without moving on.</summary>
    public void Detail(string what)
    {
        var counter = string.Create(CultureInfo.InvariantCulture, $"{_done}/{total}");
        if (!terminal)
        {
            writer.WriteLine($"{command}: [{counter}] {what}");
            return;
        }

        var filled = total == 0 ? BarWidth : BarWidth * (_done - 1) / total;
        var line = $"\r{command} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {counter} {what}";
        writer.Write(line.PadRight(_width));
        _width = line.Length;
        writer.Flush();
    }

    /// <summary>Ends the bar on a terminal so the next output starts on a line of its own.</summary>
    public void Finish()
    {
        if (terminal && _width > 0)
        {
            writer.Write("\r" + new string(' ', _width) + "\r");
            writer.Flush();
        }
    }
}
