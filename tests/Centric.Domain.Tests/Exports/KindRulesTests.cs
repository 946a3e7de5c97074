using Centric.Domain.Datasets;
using Centric.Domain.Exports;

namespace Centric.Domain.Tests.Exports;

public class KindRulesTests
{
    [Theory]
    [InlineData("nps", 11, "score 11 is outside the NPS scale 0-10")]
    [InlineData("NPS", -1, "score -1 is outside the NPS scale 0-10")]
    [InlineData("csat", 0, "score 0 is outside the CSAT scale 1-5")]
    [InlineData("ces", 8, "score 8 is outside the CES scale 1-7")]
    [InlineData("brand_awareness", 2, "score 2 is outside the brand-awareness scale 0-1")]
    [InlineData("nps", 8.5, "score 8.5 is not a whole number on the NPS scale 0-10")]
    [InlineData("nps", 10, null)]
    [InlineData("csat", 4, null)]
    public void SurveyScale_Check_RejectsScoresOffTheScale(string survey, double score, string? expected) =>
        Assert.Equal(expected, SurveyScale.Find(survey)!.Check(score));

    [Theory]
    [InlineData(null, "completed")]
    [InlineData(" ", "completed")]
    [InlineData("Paid", "completed")]
    [InlineData("Completato", "completed")]
    [InlineData("CANCELADO", "cancelled")]
    [InlineData("canceled", "cancelled")]
    [InlineData("rimborsato", "refunded")]
    [InlineData("invoiced", "completed")]
    [InlineData("Entregue", "completed")]
    [InlineData("unavailable", "cancelled")]
    [InlineData("chargeback", "refunded")]
    [InlineData("created", "pending")]
    [InlineData("On-Hold", "pending")]
    [InlineData("awaiting_payment", "pending")]
    [InlineData("pendiente", "pending")]
    [InlineData("in attesa", "pending")]
    [InlineData("Aguardando pagamento", "pending")]
    public void OrderStatuses_Synonyms_NormaliseToTheFourStatuses(string? raw, string expected)
    {
        Assert.True(OrderStatuses.TryNormalize(raw, out var status, out _));
        Assert.Equal(expected, status);
    }

    [Fact]
    public void OrderStatuses_Unknown_IsRejectedWithTheAllowedValues()
    {
        Assert.False(OrderStatuses.TryNormalize(" Limbo ", out _, out var reason));
        Assert.Equal(
            "status 'Limbo' is not a known order status: use completed (delivered, shipped, paid, invoiced, processing, approved, fulfilled, " +
            "closed), cancelled (canceled, voided, failed, unavailable, declined), refunded (returned, chargeback) or pending (created, " +
            "on-hold, awaiting-payment), or their Spanish, Italian or Portuguese words; to read 'Limbo' as one of them, map it in " +
            "mapping.json: {\"orders\": {\"values\": {\"status\": {\"Limbo\": \"completed\"}}}}",
            reason);
    }

    [Theory]
    [InlineData("completed", 10, true, false)]
    [InlineData("pending", 10, false, false)]
    [InlineData("pending", -10, false, false)]
    [InlineData("refunded", -10, false, true)]
    [InlineData("cancelled", -10, false, false)]
    [InlineData("completed", -10, false, true)]
    public void OrderStatuses_Pending_IsNeitherAnOrderNorACredit(string status, int amount, bool valid, bool credit) =>
        Assert.Equal((valid, credit), (OrderStatuses.IsValidOrder(status, amount), OrderStatuses.IsCredit(status, amount)));

    [Theory]
    [InlineData("negativo", -1.0, "negative")]
    [InlineData("0,25", 0.25, null)]
    [InlineData("-1", -1.0, null)]
    public void Sentiments_LabelsAndScores_ReadAsScores(string raw, double score, string? label)
    {
        Assert.True(Sentiments.TryParse(raw, DecimalSeparator.Comma, out var value, out var parsedLabel, out _));
        Assert.Equal((score, label), (value, parsedLabel));
    }

    [Theory]
    [InlineData("eur", true, "EUR")]
    [InlineData("€", true, "EUR")]
    [InlineData("euro", false, "EURO")]
    public void CurrencyCodes_Normalise_ToUpperCaseIsoCodes(string raw, bool valid, string expected)
    {
        Assert.Equal(valid, CurrencyCodes.TryNormalize(raw, out var code));
        Assert.Equal(expected, code);
    }
}
