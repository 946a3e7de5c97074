namespace Centric.Domain.Time;

/// <summary>The public names of grains (<c>month</c>, <c>quarter</c>, <c>year</c>).</summary>
public static class GrainNames
{
    public static string ToName(this Grain grain) => grain switch
    {
        Grain.Month => "month",
        Grain.Quarter => "quarter",
        Grain.Year => "year",
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, null),
    };

    public static bool TryParse(string? text, out Grain grain)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "month":
                grain = Grain.Month;
                return true;
            case "quarter":
                grain = Grain.Quarter;
                return true;
            case "year":
                grain = Grain.Year;
                return true;
            default:
                grain = Grain.Month;
                return false;
        }
    }
}
