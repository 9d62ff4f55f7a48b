package dev.dorsal.spark.read;

import dev.dorsal.spark.FieldColumn;
import dev.dorsal.spark.ReadOptions;
import dev.dorsal.spark.split.CaptureSplit;
import dev.dorsal.spark.split.HadoopConf;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/**
 * What every task of one scan shares, shipped from the driver: the options, the columns left after
 * pruning, and the display filter (the {@code filter} option and the predicates pushed down, joined).
 */
public record ScanPlan(ReadOptions options, List<FieldColumn> columns, String filter, HadoopConf conf)
        implements PartitionReaderFactory {

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        return new CaptureRowReader(this, (CaptureSplit) partition);
    }
}
