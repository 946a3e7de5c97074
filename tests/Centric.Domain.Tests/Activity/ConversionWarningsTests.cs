using Centric.Domain.Activity;

namespace Centric.Domain.Tests.Activity;

public class ConversionWarningsTests
{
    [Fact]
    public void For_NamesEachCurrencyItsCountAndFirstDay()
    {
        var warning = ConversionWarnings.For(
            [new(0, new DateOnly(2025, 3, 11), "GBP", 2), new(1, new DateOnly(2025, 3, 4), "GBP", 1), new(1, new DateOnly(2025, 3, 20), "BRL", 1)],
            "EUR");

        Assert.Equal(
            "1 amount in BRL from 2025-03-20 has no fx rate to EUR on or before its day; " +
            "3 amounts in GBP from 2025-03-04 have no fx rate to EUR on or before their day: " +
            "the value is unknown (not 0) until an fx-rates export converts them to EUR.",
            warning);
    }

    [Fact]
    public void For_NothingUnconverted_IsNoWarning() => Assert.Null(ConversionWarnings.For([], "EUR"));
}
