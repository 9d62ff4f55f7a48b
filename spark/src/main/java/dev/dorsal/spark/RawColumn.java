package dev.dorsal.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The {@code dorsal.*} columns: the frame as it was captured, which {@code df.write.format("dorsal")}
 * needs to write frames back. They are not Wireshark fields (no tshark field carries the raw frame).
 */
public enum RawColumn {
    DATA("dorsal.data", DataTypes.BinaryType),
    LINK_TYPE("dorsal.linktype", DataTypes.IntegerType),
    TIMESTAMP_NANOS("dorsal.ts_nanos", DataTypes.LongType),
    ORIGINAL_LENGTH("dorsal.orig_len", DataTypes.IntegerType),
    FILE("dorsal.file", DataTypes.StringType);

    private final String column;
    private final DataType type;

    RawColumn(String column, DataType type) {
        this.column = column;
        this.type = type;
    }

    public String column() {
        return column;
    }

    public DataType type() {
        return type;
    }

    public static RawColumn of(String column) {
        for (RawColumn c : values()) {
            if (c.column.equals(column)) {
                return c;
            }
        }
        return null;
    }
}
