using Centric.Domain.Families.Cohorts;
using Centric.Domain.Families.CustomerLists;
using Centric.Domain.Metrics;

namespace Centric.Domain.Families;

/// <summary>
/// Where families put what they computed: metric values (snapshot rows), warnings a person should read, and the
/// outputs served on their own routes — the cohort matrix, the predictive CLV fit with its holdout check, and the
/// customers behind each count and MRR movement (for the <c>*</c> segment).
/// </summary>
public sealed class FamilyOutput
{
    private readonly List<MetricValue> _values = [];
    private readonly List<string> _warnings = [];
    private readonly CustomerListTable _lists = new();

    /// <summary>The list numbers already given, by the numbering of customers they were asked for (the list itself).</summary>
    private readonly Dictionary<IReadOnlyList<string>, ListedCustomers> _listed = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<MetricValue> Values => _values;

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The customer list rows, kept compactly (<see cref="CustomerListTable"/>).</summary>
    public IReadOnlyList<CustomerListRow> CustomerLists => _lists;

    public IReadOnlyList<CohortCell> Cohorts { get; set; } = [];

    /// <summary>The CLV fit at the as-of date whose scores are published, with its holdout check.</summary>
    public ClvOutcome? Clv { get; set; }

    public void Add(IEnumerable<MetricValue> values) => _values.AddRange(values);

    public void Warn(string warning) => _warnings.Add(warning);

    public void List(CustomerListRow row) => _lists.Add(row);

    /// <summary>
    /// The number the customer lists give <paramref name="customerId"/> (<see cref="CustomerListTable.NumberOf"/>): a
    /// family numbers a customer just before listing it the first time and lists its rows by that number.
    /// </summary>
    public int ListedCustomer(string customerId) => _lists.NumberOf(customerId);

    /// <summary>
    /// The list numbers of a family's customers, by the family's own numbering of <paramref name="customerIds"/>: each
    /// customer is numbered (<see cref="ListedCustomer"/>) the first time its number is asked for, and kept. Families
    /// that number their customers with the same list (the orders and subscriptions families over subscriptions) share
    /// the numbers, so the second finds each customer's number without looking its id up again.
    /// </summary>
    public ListedCustomers ListedCustomers(IReadOnlyList<string> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        if (!_listed.TryGetValue(customerIds, out var listed))
        {
            _lists.ExpectCustomers(customerIds.Count);
            _listed[customerIds] = listed = new(this, customerIds);
        }

        return listed;
    }

    /// <summary>Lists a count's customer (no MRR amounts), numbered by <see cref="ListedCustomer"/>, without building a row.</summary>
    public void List(string metric, string grain, string period, DateOnly periodStart, int customer, DateOnly? day) =>
        _lists.Add(metric, grain, period, periodStart, customer, day);

    /// <summary>
    /// Lists an MRR movement's customer, numbered by <see cref="ListedCustomer"/>, with its amounts and subscriptions,
    /// without building a row.
    /// </summary>
    public void List(
        string metric, string grain, string period, DateOnly periodStart, int customer,
        decimal mrrBefore, decimal mrrAfter, decimal movement, IReadOnlyList<string> subscriptions) =>
        _lists.Add(metric, grain, period, periodStart, customer, null, mrrBefore, mrrAfter, movement, subscriptions);
}

/// <summary>A family's customers' numbers in the customer lists, each given just before its first row (<see cref="FamilyOutput.ListedCustomers"/>).</summary>
public sealed class ListedCustomers
{
    private readonly FamilyOutput _output;
    private readonly IReadOnlyList<string> _customerIds;
    private readonly int[] _numbers;

    internal ListedCustomers(FamilyOutput output, IReadOnlyList<string> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        _output = output;
        _customerIds = customerIds;
        _numbers = new int[customerIds.Count];
        Array.Fill(_numbers, -1);
    }

    /// <summary>The list number of the family's customer <paramref name="customer"/>, given now if it has none yet.</summary>
    public int Of(int customer)
    {
        if (_numbers[customer] < 0)
        {
            _numbers[customer] = _output.ListedCustomer(_customerIds[customer]);
        }

        return _numbers[customer];
    }
}
