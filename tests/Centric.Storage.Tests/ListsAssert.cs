using System.Globalization;
using Centric.Domain.Families.CustomerLists;

namespace Centric.Storage.Tests;

/// <summary>Compares a set read into the compact table with what the stored records gave, row by row and field by field.</summary>
internal static class ListsAssert
{
    /// <summary>
    /// Every row of <paramref name="expected"/> in its stored order, each field equal (amounts with their scale, the
    /// subscriptions in order, absent and empty told apart), and the same segment keys for the same customers.
    /// </summary>
    public static void SameSet(StoredCustomerLists expected, CustomerListSet? actual)
    {
        Assert.NotNull(actual);
        var table = Assert.IsType<CustomerListTable>(actual.Rows);
        var rows = expected.Rows();
        Assert.Equal(rows.Count, table.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (want, got) = (Text(rows[i]), Text(table[i]));
            Assert.True(want == got, $"row {i}: expected {Short(want)} but read {Short(got)}");
        }

        Assert.Equal(expected.Segments.Keys.Order(StringComparer.Ordinal), actual.Segments.Keys.Order(StringComparer.Ordinal));
        foreach (var (customer, keys) in expected.Segments)
        {
            Assert.Equal(keys, actual.Segments[customer]);
        }
    }

    private static string Text(CustomerListRow r) => string.Join(
        " | ", r.Metric, r.Grain, r.Period, Day(r.PeriodStart), r.CustomerId, Day(r.Day), Amount(r.MrrBefore), Amount(r.MrrAfter),
        Amount(r.Movement), r.Subscriptions is null ? "(no subscriptions)" : "[" + string.Join(", ", r.Subscriptions) + "]");

    private static string Short(string text) => text.Length <= 400 ? text : $"{text[..400]}… ({text.Length} chars)";

    private static string Day(DateOnly? day) => day?.ToString("O", CultureInfo.InvariantCulture) ?? "(no day)";

    private static string Amount(decimal? amount) => amount?.ToString(CultureInfo.InvariantCulture) ?? "(none)";
}
