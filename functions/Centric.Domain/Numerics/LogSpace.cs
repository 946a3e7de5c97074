namespace Centric.Domain.Numerics;

/// <summary>Sums and differences of numbers held as logarithms, without overflow.</summary>
public static class LogSpace
{
    /// <summary>log(exp(x) + exp(y)); negative infinity stands for zero.</summary>
    public static double AddExp(double x, double y)
    {
        if (double.IsNegativeInfinity(x))
        {
            return y;
        }

        if (double.IsNegativeInfinity(y))
        {
            return x;
        }

        var max = Math.Max(x, y);
        return max + Math.Log(1.0 + Math.Exp(Math.Min(x, y) - max));
    }

    /// <summary>log(exp(x) - exp(y)) for x &gt;= y; negative infinity when they are equal.</summary>
    public static double SubtractExp(double x, double y)
    {
        if (double.IsNegativeInfinity(y))
        {
            return x;
        }

        if (y >= x)
        {
            return double.NegativeInfinity;
        }

        var d = y - x;
        // log(1 - e^d): log1p form near 0, direct form for very negative d (Maechler 2012).
        var log1mExp = d > -0.6931471805599453 ? Math.Log(-ExpM1(d)) : Log1P(-Math.Exp(d));
        return x + log1mExp;
    }

    /// <summary>log(1 + x), accurate for small x (Kahan's correction; the runtime's version is not).</summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>exp(x) - 1, accurate for small x (Kahan's correction).</summary>
    public static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }

    /// <summary>1 / (1 + exp(x)), stable for any x.</summary>
    public static double InverseOnePlusExp(double x) =>
        x > 0 ? Math.Exp(-x) / (1.0 + Math.Exp(-x)) : 1.0 / (1.0 + Math.Exp(x));
}
