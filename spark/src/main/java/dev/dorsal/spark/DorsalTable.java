package dev.dorsal.spark;

import dev.dorsal.spark.split.HadoopConf;
import dev.dorsal.spark.write.CaptureWriteBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The captures named by a read's options, as a table of the requested fields. */
final class DorsalTable implements SupportsRead, SupportsWrite {
    private final ReadOptions options;
    private final List<FieldColumn> columns;
    private final HadoopConf conf;
    /** The schema Spark handed over (a write's DataFrame, or a read's {@code .schema(...)}), or null. */
    private final StructType given;

    DorsalTable(ReadOptions options, List<FieldColumn> columns, HadoopConf conf, StructType given) {
        this.options = options;
        this.columns = columns;
        this.conf = conf;
        this.given = given;
    }

    @Override
    public String name() {
        return "dorsal " + String.join(",", options.paths());
    }

    @Override
    @SuppressWarnings("deprecation") // Spark 4 still asks TableProviders' tables for schema()
    public StructType schema() {
        return given != null ? given : DorsalDataSource.schema(columns, options.occurrence());
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ, TableCapability.BATCH_WRITE, TableCapability.TRUNCATE);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
        StructType fromFields = DorsalDataSource.schema(columns, options.occurrence());
        if (given != null && !given.equals(fromFields)) {
            throw new IllegalArgumentException("dorsal: a read takes its columns and types from the fields option, "
                    + "not from .schema(...): leave the schema out");
        }
        return new DorsalScanBuilder(options, columns, conf);
    }

    @Override
    public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
        return new CaptureWriteBuilder(info, options.paths(), conf);
    }
}
