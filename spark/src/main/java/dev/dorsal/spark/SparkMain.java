package dev.dorsal.spark;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./dorsal spark}: the data source from the command line, in local mode by default. It prints
 * what {@code dorsal -r FILE -Y FILTER -T fields -e ...} prints, with the work spread over Spark's
 * tasks (and over many files); {@code --sql} runs a query over the rows (table {@code packets}), and
 * {@code -w} writes the selected frames as pcap files.
 */
@Command(name = "dorsal spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Read captures with Spark (format \"dorsal\"): -T fields rows, a SQL query over them, or frames written back.")
public final class SparkMain implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "capture files, folders or globs (local paths or any Hadoop file system URL)")
    List<String> files = new ArrayList<>();

    @Option(names = "-r", paramLabel = "FILE", description = "a capture to read (as a FILE argument)")
    List<String> readFiles = new ArrayList<>();

    @Option(names = "-e", paramLabel = "FIELD", description = "a field to print (default: tshark's summary columns)")
    List<String> fields = new ArrayList<>();

    @Option(names = "-Y", paramLabel = "FILTER", description = "display filter, applied inside the readers")
    String filter;

    @Option(names = "--level", paramLabel = "packet|flow", description = "flow: regroup packets by conversation, so "
            + "streams, reassembly, TLS and HTTP hold across splits (default: packet)")
    String level = "packet";

    @Option(names = "--split-size", paramLabel = "SIZE", description = "packet level: bytes per split (default 128m)")
    String splitSize;

    @Option(names = "--flow-partitions", paramLabel = "N", description = "flow level: groups per file (default: Spark's parallelism)")
    String flowPartitions;

    @Option(names = "--keylog", paramLabel = "FILE", description = "TLS key log (SSLKEYLOGFILE) for decryption")
    String keylog;

    @Option(names = "-X", paramLabel = "js_script:FILE", description = "a JavaScript dissector, shipped to every task")
    List<String> scripts = new ArrayList<>();

    @Option(names = "--sql", paramLabel = "QUERY", description = "a Spark SQL query over the rows, table `packets`, "
            + "with typed columns (quote dotted names: `ip.src`)")
    String sql;

    @Option(names = "-w", paramLabel = "DIR", description = "write the selected frames as pcap into DIR (one file per task)")
    String writeDir;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]; spark-submit sets its own)")
    String master;

    private final PrintStream out;

    SparkMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(new SparkMain(out));
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            // The user's mistakes (a bad filter, field or file) come back as messages, not stack traces.
            line.getErr().println(message(e));
            return 2;
        });
        int rc = cl.execute(args);
        out.flush();
        System.exit(rc);
    }

    @Override
    public Integer call() {
        List<String> paths = new ArrayList<>(readFiles);
        paths.addAll(files);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("dorsal spark: no capture given (FILE or -r FILE)");
        }
        SparkSession.Builder b = SparkSession.builder().appName("dorsal spark").config("spark.ui.showConsoleProgress", "false");
        if (master != null || !System.getProperties().containsKey("spark.master")) {
            b = b.master(master != null ? master : "local[*]");
        }
        boolean own = SparkSession.getActiveSession().isEmpty(); // stop only a session this command started
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            boolean writing = writeDir != null;
            List<String> columns = fields.isEmpty() ? ReadOptions.DEFAULT_FIELDS : fields;
            // The file and frame number order the rows; a column asked for twice is read once.
            java.util.Set<String> read = new java.util.LinkedHashSet<>(List.of("dorsal.file", "frame.number"));
            read.addAll(columns);
            if (writing) {
                read.addAll(List.of("dorsal.data", "dorsal.linktype", "dorsal.ts_nanos", "dorsal.orig_len"));
            }
            DataFrameReader r = spark.read().format("dorsal").option("fields", String.join(",", read))
                    .option("level", level);
            // Printed rows are -T fields text; a SQL query gets typed columns (sums, comparisons) instead.
            boolean text = !writing && sql == null;
            if (text) {
                r = r.option("values", "text").option("occurrence", "a");
            }
            r = filter != null ? r.option("filter", filter) : r;
            r = splitSize != null ? r.option("splitSize", splitSize) : r;
            r = flowPartitions != null ? r.option("flowPartitions", flowPartitions) : r;
            r = keylog != null ? r.option("keylog", keylog) : r;
            List<String> js = new ArrayList<>();
            for (String x : scripts) {
                if (!x.startsWith("js_script:")) {
                    throw new IllegalArgumentException("dorsal spark: -X " + x + ": Dorsal knows js_script:FILE");
                }
                js.add(x.substring("js_script:".length()));
            }
            r = js.isEmpty() ? r : r.option("scripts", String.join(",", js));
            Dataset<Row> df = r.load(paths.toArray(String[]::new));
            // Frames in file order, as the CLI prints them. At packet level the partitions already are
            // (splits are planned in file order, and each reads its frames in order); flow-level groups
            // interleave, so their rows are sorted, once: the sort samples its input first, and the
            // cache keeps that from dissecting everything twice.
            Dataset<Row> ordered = df;
            if (level.equalsIgnoreCase("flow")) {
                ordered = df.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK()).orderBy(
                        df.col("`dorsal.file`"), text ? df.col("`frame.number`").cast("long") : df.col("`frame.number`"));
            }
            if (writing) {
                ordered.write().format("dorsal").mode("append").save(writeDir);
                return 0;
            }
            Dataset<Row> rows = ordered.select(columns.stream().map(c -> df.col("`" + c + "`")).toArray(
                    org.apache.spark.sql.Column[]::new));
            if (sql != null) {
                rows.createOrReplaceTempView("packets");
                rows = spark.sql(sql);
            }
            print(rows);
            return 0;
        } finally {
            if (own) {
                spark.stop();
            }
        }
    }

    /**
     * Prints the rows in partition order. Partitions are collected a batch at a time, as many as Spark
     * runs at once (one job per batch), so the tasks run in parallel while the driver holds only one
     * batch's lines.
     */
    private void print(Dataset<Row> rows) {
        org.apache.spark.api.java.JavaRDD<String> lines = rows.toJavaRDD().map(SparkMain::line);
        int partitions = lines.getNumPartitions();
        int batch = Math.max(1, rows.sparkSession().sparkContext().defaultParallelism());
        for (int first = 0; first < partitions; first += batch) {
            int[] ids = java.util.stream.IntStream.range(first, Math.min(partitions, first + batch)).toArray();
            for (List<String> part : lines.collectPartitions(ids)) {
                for (String l : part) {
                    out.println(l);
                }
            }
        }
        out.flush();
    }

    /** A row as -T fields prints it: tab-separated, nothing for a missing value. */
    private static String line(Row row) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.length(); i++) {
            if (i > 0) {
                sb.append('\t');
            }
            if (!row.isNullAt(i)) {
                sb.append(row.get(i));
            }
        }
        return sb.toString();
    }

    /** The first line a user needs: Spark wraps our messages in its own exceptions. */
    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("dorsal")) {
                return m.substring(m.indexOf("dorsal"));
            }
        }
        return "dorsal spark: " + e;
    }
}
