package dev.dorsal.spark;

import dev.dorsal.engine.registry.ProcessRegistry;
import dev.dorsal.spark.read.ScriptGate;
import dev.dorsal.spark.split.HadoopConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code spark.read.format("dorsal")}: capture files as rows of Wireshark fields, dissected by
 * Dorsal's dissectors and filtered by its display filters inside the readers; and
 * {@code df.write.format("dorsal")}: frames written back as pcap. The options are documented in
 * docs/spark.md.
 */
public final class DorsalDataSource implements TableProvider, DataSourceRegister {
    /** Script and key-log files may be this large at most: they are shipped to every task. */
    private static final long MAX_SHIPPED_FILE = 64L << 20;

    @Override
    public String shortName() {
        return "dorsal";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return table(options, null).schema();
    }

    /**
     * True so that a write hands over the written DataFrame's schema instead of inferring one from the
     * (absent) read options; a read's schema always comes from the {@code fields} option.
     */
    @Override
    public boolean supportsExternalMetadata() {
        return true;
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return table(new CaseInsensitiveStringMap(properties), schema);
    }

    private static DorsalTable table(CaseInsensitiveStringMap options, StructType given) {
        SparkSession spark = SparkSession.active();
        // As Spark's file sources do, options also reach the Hadoop file systems (fs.s3a.*, ...).
        org.apache.hadoop.conf.Configuration hadoop = spark.sessionState().newHadoopConf();
        options.asCaseSensitiveMap().forEach(hadoop::set);
        HadoopConf conf = new HadoopConf(hadoop);
        Map<String, String> lower = new HashMap<>(options); // CaseInsensitiveStringMap's keys are lower case
        ReadOptions read = ReadOptions.parse(lower, path -> readSmallFile(path, conf));
        return new DorsalTable(read, columns(read), conf, given);
    }

    /** The columns of the {@code fields} option, typed from the registry (with the scripts' fields loaded). */
    static List<FieldColumn> columns(ReadOptions read) {
        try (var scripts = ScriptGate.enter(read.scripts(), ProcessRegistry.get(), true)) {
            List<FieldColumn> out = new ArrayList<>();
            for (String name : read.fields()) {
                FieldColumn c = FieldColumn.of(name, ProcessRegistry.get().fields(), read.text());
                out.add(read.underscores() ? c.named(FieldColumn.underscored(name)) : c);
            }
            return out;
        }
    }

    static StructType schema(List<FieldColumn> columns, char occurrence) {
        StructType s = new StructType();
        for (FieldColumn c : columns) {
            s = s.add(new StructField(c.column(), c.dataType(occurrence), true,
                    org.apache.spark.sql.types.Metadata.empty()));
        }
        return s;
    }

    private static String readSmallFile(String path, HadoopConf conf) {
        Path p = new Path(path);
        try {
            var fs = p.getFileSystem(conf.get());
            long size = fs.getFileStatus(p).getLen();
            if (size > MAX_SHIPPED_FILE) {
                throw new IllegalArgumentException("dorsal: " + path + " is larger than " + (MAX_SHIPPED_FILE >> 20)
                        + " MiB; key logs and scripts are shipped to every task");
            }
            byte[] bytes = new byte[(int) size];
            try (FSDataInputStream in = fs.open(p)) {
                in.readFully(0, bytes);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("dorsal: The file \"" + path + "\" doesn't exist.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("dorsal: cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
