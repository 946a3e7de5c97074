namespace Centric.Cli;

/// <summary>The usage text printed with a usage error and by <c>centric help</c>.</summary>
internal static class Usage
{
    public const string Compute =
        "  centric compute --exports DIR [--settings FILE] [--as-of YYYY-MM-DD] --out DIR [--profile | --partitions N]\n"
        + "      Ingests every export under DIR ({kind}/*.csv|xlsx or kind-prefixed files) and computes every metric.\n"
        + "      Writes snapshots.json, snapshots.csv, ingestions.json, rejects.csv, scores.csv (and clv.json) to --out.\n"
        + "      --profile prints the time, rows and memory of each compute step (loads, CLV fit, each metric family).\n"
        + "      --partitions N (1 to 64) computes as the cloud fans a large dataset out: N customer partitions, then the\n"
        + "      merge; the rows are the single run's.";

    public const string FitClv =
        "  centric fit-clv --orders FILE [--format export|cdnow] [--calibration-end YYYY-MM-DD]\n"
        + "                  [--model bgnbd|pareto-nbd] [--time-unit week|day]\n"
        + "      Fits a transaction model and Gamma-Gamma to an orders export (or a CDNOW transaction log) and prints JSON.";

    public const string Bench =
        "  centric bench [--kinds K,...] [--rows N] [--orders N] [--customers N]  |  centric bench --clv [BenchmarkDotNet options]\n"
        + "      For each kind (orders, subscriptions, tickets, surveys, communications, onboarding, mentions; all by default),\n"
        + "      times ingest and compute on a synthetic export of N rows (default 100000) against bare DuckDB reads of the\n"
        + "      same file and of its curated Parquet and prints JSON; --orders and --customers size the orders apart; --clv\n"
        + "      runs the CLV fit benchmark (1M customers, BenchmarkDotNet; Release build).\n"
        + "  centric bench --clv-fits [--customers N] [--cdnow FILE]\n"
        + "      Times once the BG/NBD fit, Gamma-Gamma fit and 12-month scores of N simulated customers (default 1000000)\n"
        + "      and, with --cdnow, a Pareto/NBD fit of that CDNOW log at 1997-09-30; prints JSON {\"steps\": [...]}.\n"
        + "  centric bench --growth  |  centric bench --rows N,M,...\n"
        + "      Orders ingest + compute at each size (--growth: 100k, 300k, 1M, 3M, 10M) under the DuckDb__* settings:\n"
        + "      time and peak memory per size.\n"
        + "  centric bench --serve [--seconds N] [--connections 1,16,64] [--route PATH] [--connection-string CS]\n"
        + "      Seeds the sample into Azurite (started on free ports unless --connection-string), runs the handler, and runs\n"
        + "      wrk (--latency, N seconds, default 10) on the route (default " + Commands.ServeBenchCommand.DefaultRoute + ")\n"
        + "      and on the same bytes from a bare Kestrel static-file app: requests/s, p50/p99 and their ratio.\n"
        + "  centric bench --host [--orders N] [--customers N] [--scan-seconds N]\n"
        + "      Drops N orders (default 3000000) with their customers and fx rates into the landing zone of an Azurite it\n"
        + "      starts, runs the handler under the local host, and times upload, scan, ingest, compute and publish up to the\n"
        + "      first answer of the revenue route, with the handler's peak memory and a bare DuckDB read of the orders.\n"
        + "      The handler takes its app settings from the environment: Compute__PartitionRows=1000000 fans the compute\n"
        + "      out by customer partition, Compute__MergeDelaySeconds=1 shortens the merge's wait.";

    public const string Keys =
        "  centric keys create --dataset NAME --role read|upload  |  centric keys list --dataset NAME\n"
        + "  centric keys revoke --dataset NAME --id ID\n"
        + "      Dataset-scoped API keys for the function app's storage account (AzureWebJobsStorage: a connection string,\n"
        + "      or AzureWebJobsStorage__accountName with your Azure sign-in). create prints the key once; list never shows it.";

    public static string Text { get; } =
        "usage: centric <command> [options]\n\n" + Compute + "\n\n" + FitClv + "\n\n" + Bench + "\n\n" + Keys
        + "\n\nExit codes: 0 success (rejected rows included), 1 storage could not be used (keys), 2 usage error or unusable input.";
}
