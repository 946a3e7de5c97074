using System.Runtime.CompilerServices;
using Centric.Domain.Numerics;

namespace Centric.Domain.Clv;

/// <summary>
/// One (x, t_x, T) group's share of the BG/NBD log-likelihood and of its gradient at given parameters, from the terms
/// <see cref="BgNbdFitter"/> works out once per distinct x, T and t_x. Each group's share depends on nothing but its
/// own data, so the shares can be worked out on several threads and then added in group order, giving the sums of
/// one pass to the bit.
/// </summary>
internal readonly struct BgNbdGroupTerms(
    RfmGroups groups, double r, double alpha, double a, double b, double[] perX, double[] dropout, double[] logAge, double[] logRecency)
{
    /// <summary>w (ln A1·A2 + ln(A3 + δ_{x>0} A4)) for group <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Value(int i)
    {
        var k = groups.XIndex[i];
        var rx = r + groups.X[i];
        var survive = -rx * logAge[groups.AgeIndex[i]];
        var term = groups.X[i] > 0
            ? LogSpace.AddExp(survive, dropout[k] - (rx * logRecency[groups.RecencyIndex[i]]))
            : survive;
        return groups.Weight[i] * (perX[k] + term);
    }

    /// <summary>
    /// Group <paramref name="i"/>'s value and what it adds to (or, for r and α and b, takes from) each partial derivative
    /// before the x-only parts; A and B are 0 when x = 0, where they are not added.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public BgNbdGroupGradient Gradient(int i)
    {
        var k = groups.XIndex[i];
        var x = groups.X[i];
        var rx = r + x;
        var w = groups.Weight[i];
        var age = groups.DistinctAge[groups.AgeIndex[i]];
        var survive = -rx * logAge[groups.AgeIndex[i]];
        if (x > 0)
        {
            var recencyIndex = groups.RecencyIndex[i];
            var died = dropout[k] - (rx * logRecency[recencyIndex]);
            var term = LogSpace.AddExp(survive, died);
            var shareDied = Math.Exp(died - term);
            var shareAlive = Math.Exp(survive - term);
            return new BgNbdGroupGradient(
                w * (perX[k] + term),
                w * ((shareAlive * logAge[groups.AgeIndex[i]]) + (shareDied * logRecency[recencyIndex])),
                w * rx * ((shareAlive / (alpha + age)) + (shareDied / (alpha + groups.DistinctRecency[recencyIndex]))),
                w * shareDied / a,
                w * shareDied / (b + x - 1.0));
        }

        return new BgNbdGroupGradient(w * (perX[k] + survive), w * logAge[groups.AgeIndex[i]], w * rx / (alpha + age), 0.0, 0.0);
    }
}
