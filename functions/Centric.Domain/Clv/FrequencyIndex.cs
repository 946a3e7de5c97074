namespace Centric.Domain.Clv;

/// <summary>
/// The distinct frequencies x of grouped customers, ascending, and each group's position among them, so that
/// likelihood terms depending only on x are computed once per frequency.
/// </summary>
internal static class FrequencyIndex
{
    public static (int[] Distinct, int[] Index) Of(int[] x)
    {
        int[] distinct = [.. x.Distinct().Order()];
        var position = new Dictionary<int, int>(distinct.Length);
        for (var k = 0; k < distinct.Length; k++)
        {
            position[distinct[k]] = k;
        }

        return (distinct, [.. x.Select(value => position[value])]);
    }
}
