package dev.dorsal.spark;

import dev.dorsal.spark.read.ScanPlan;
import dev.dorsal.spark.split.CaptureSplit;
import dev.dorsal.spark.split.HadoopConf;
import dev.dorsal.spark.split.SplitPlanner;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/** One scan: its columns, its display filter, and its partitions, planned once. */
final class DorsalScan implements Scan, Batch {
    private final ReadOptions options;
    private final List<FieldColumn> columns;
    private final String filter;
    private final HadoopConf conf;
    private InputPartition[] partitions;

    DorsalScan(ReadOptions options, List<FieldColumn> columns, String filter, HadoopConf conf) {
        this.options = options;
        this.columns = columns;
        this.filter = filter;
        this.conf = conf;
    }

    @Override
    public StructType readSchema() {
        return DorsalDataSource.schema(columns, options.occurrence());
    }

    @Override
    public String description() {
        return "dorsal " + (options.flowLevel() ? "flow" : "packet") + " level"
                + (filter == null ? "" : ", filter: " + filter);
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public synchronized InputPartition[] planInputPartitions() {
        if (partitions == null) {
            SparkSession spark = SparkSession.active();
            List<SplitPlanner.InputFile> files = SplitPlanner.listFiles(options.paths(), conf);
            List<CaptureSplit> splits;
            if (options.flowLevel()) {
                int groups = options.flowGroups() > 0 ? options.flowGroups() : spark.sparkContext().defaultParallelism();
                splits = SplitPlanner.flowSplits(files, groups);
            } else {
                splits = SplitPlanner.packetSplits(spark, files, options.splitBytes(), conf);
            }
            partitions = splits.toArray(InputPartition[]::new);
        }
        return partitions;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new ScanPlan(options, columns, filter, conf);
    }
}
