package dev.dorsal.spark;

import dev.dorsal.engine.output.Column;
import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * One output column: a field name and the Spark type its values take. Types follow the field
 * registry: integers up to 31 bits are {@code int}, wider ones {@code bigint} ({@code decimal(20,0)}
 * for unsigned 64-bit), times are {@code timestamp} (absolute) or exact {@code decimal(20,9)}
 * seconds (relative), bytes are {@code binary}, addresses and strings {@code string}. A name
 * registered with several types, a protocol and {@code _ws.col.*} are strings in tshark's text.
 * {@code name} is the field's Wireshark name, {@code column} the Spark column's (the same name, or
 * with underscores for dots under {@code columnNames=underscore}).
 */
public record FieldColumn(String name, String column, ColumnKind kind, ValueType valueType) implements Serializable {

    /** How a value is converted; decided on the driver, so executors agree with the schema. */
    public enum ValueType {
        BOOLEAN, INT, LONG, UNSIGNED64, DOUBLE, TIMESTAMP, SECONDS, STRING_OF_ADDRESS, STRING, BINARY, TEXT
    }

    public static final DecimalType SECONDS_TYPE = DataTypes.createDecimalType(20, 9);
    public static final DecimalType UNSIGNED64_TYPE = DataTypes.createDecimalType(20, 0);

    /** The column for {@code name}; throws IllegalArgumentException naming an unknown field. */
    public static FieldColumn of(String name, FieldRegistry registry, boolean text) {
        if (Column.ofField(name) != null) {
            return new FieldColumn(name, name, ColumnKind.SUMMARY, ValueType.TEXT);
        }
        RawColumn raw = RawColumn.of(name);
        if (raw != null) {
            return new FieldColumn(name, name, ColumnKind.RAW, null);
        }
        List<FieldDef> defs = registry.lookup(name);
        if (defs.isEmpty()) {
            throw new IllegalArgumentException("dorsal: Some fields aren't valid: " + name);
        }
        if (text) {
            return new FieldColumn(name, name, ColumnKind.FIELD, ValueType.TEXT);
        }
        ValueType t = valueType(defs.get(0).type());
        for (FieldDef d : defs) {
            if (valueType(d.type()) != t) {
                t = ValueType.TEXT; // registered twice with different types: only the text is common
            }
        }
        return new FieldColumn(name, name, ColumnKind.FIELD, t);
    }

    /** The same column under another Spark name. */
    public FieldColumn named(String newColumn) {
        return new FieldColumn(name, newColumn, kind, valueType);
    }

    /** A Wireshark name as a column name without dots ({@code ip.src} becomes {@code ip_src}). */
    public static String underscored(String name) {
        return name.replace('.', '_');
    }

    static ValueType valueType(FieldType t) {
        return switch (t) {
            case BOOLEAN -> ValueType.BOOLEAN;
            case CHAR, UINT8, UINT16, UINT24, INT8, INT16, INT24, INT32 -> ValueType.INT;
            case UINT32, UINT40, UINT48, UINT56, INT40, INT48, INT56, INT64, FRAMENUM -> ValueType.LONG;
            case UINT64 -> ValueType.UNSIGNED64;
            case FLOAT, DOUBLE -> ValueType.DOUBLE;
            case ABSOLUTE_TIME -> ValueType.TIMESTAMP;
            case RELATIVE_TIME -> ValueType.SECONDS;
            case IPv4, IPv6, ETHER, EUI64, GUID, OID -> ValueType.STRING_OF_ADDRESS;
            case STRING, STRINGZ, STRINGZPAD, UINT_STRING -> ValueType.STRING;
            case BYTES, UINT_BYTES -> ValueType.BINARY;
            case NONE, PROTOCOL -> ValueType.TEXT;
        };
    }

    /** The Spark type of one value (the element type when all occurrences are kept). */
    public DataType elementType() {
        if (kind == ColumnKind.RAW) {
            return RawColumn.of(name).type();
        }
        return switch (valueType) {
            case BOOLEAN -> DataTypes.BooleanType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case UNSIGNED64 -> UNSIGNED64_TYPE;
            case DOUBLE -> DataTypes.DoubleType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case SECONDS -> SECONDS_TYPE;
            case BINARY -> DataTypes.BinaryType;
            case STRING_OF_ADDRESS, STRING, TEXT -> DataTypes.StringType;
        };
    }

    /**
     * The column's type: one value, or an array of them for every occurrence of a typed field. In text
     * mode every occurrence is joined into one string, as {@code -T fields} prints it.
     */
    public DataType dataType(char occurrence) {
        if (kind == ColumnKind.FIELD && occurrence == 'a' && valueType != ValueType.TEXT) {
            return DataTypes.createArrayType(elementType(), false);
        }
        return elementType();
    }

    /** True when a display filter on this column selects a superset of the rows a Spark predicate keeps. */
    public boolean pushable(char occurrence) {
        return kind == ColumnKind.FIELD && occurrence != 'a' && valueType != ValueType.TEXT
                && valueType != ValueType.BINARY && valueType != ValueType.TIMESTAMP;
    }
}
