package dev.dorsal.spark.read;

import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.output.Column;
import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.output.TimeFormat;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.spark.ColumnKind;
import dev.dorsal.spark.FieldColumn;
import dev.dorsal.spark.RawColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Turns a dissected packet into a Spark row of the requested columns, in Spark's internal value
 * representation. The tree is walked once per packet; each node goes to the columns that asked for
 * its field, as {@code -T fields} does.
 */
public final class RowBuilder {
    private final FieldColumn[] columns;
    /** Per column, its summary column or raw column, resolved once rather than per row. */
    private final Column[] summaries;
    private final RawColumn[] raws;
    private final char occurrence;
    private final String file;
    private final boolean text;
    private final Map<String, int[]> byName = new HashMap<>();
    private final List<List<ProtoItem>> found = new ArrayList<>();

    /**
     * @param text true for {@code values=text}: every value as -T fields prints it, with its escapes
     *             for CR, LF and TAB (typed strings keep those characters)
     */
    public RowBuilder(List<FieldColumn> columns, char occurrence, String file, boolean text) {
        this.text = text;
        this.columns = columns.toArray(FieldColumn[]::new);
        this.summaries = new Column[this.columns.length];
        this.raws = new RawColumn[this.columns.length];
        this.occurrence = occurrence;
        this.file = file;
        for (int i = 0; i < this.columns.length; i++) {
            found.add(new ArrayList<>(2));
            summaries[i] = Column.ofField(this.columns[i].name());
            raws[i] = RawColumn.of(this.columns[i].name());
            if (this.columns[i].kind() == ColumnKind.FIELD) {
                int[] old = byName.get(this.columns[i].name());
                int[] cols = old == null ? new int[] {i} : java.util.Arrays.copyOf(old, old.length + 1);
                cols[cols.length - 1] = i;
                byName.put(this.columns[i].name(), cols);
            }
        }
    }

    public InternalRow row(RawFrame raw, DissectedPacket p) {
        collect(p);
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            FieldColumn c = columns[i];
            values[i] = switch (c.kind()) {
                case SUMMARY -> UTF8String.fromString(escaped(summaries[i].text(p, TimeFormat.RELATIVE, true)));
                case RAW -> raw(raws[i], raw);
                case FIELD -> field(c, found.get(i));
            };
        }
        return new GenericInternalRow(values);
    }

    private Object raw(RawColumn c, RawFrame raw) {
        return switch (c) {
            case DATA -> raw.data();
            case LINK_TYPE -> raw.linkType();
            case TIMESTAMP_NANOS -> raw.timestampNanos();
            case ORIGINAL_LENGTH -> raw.originalLength();
            case FILE -> UTF8String.fromString(file);
        };
    }

    private Object field(FieldColumn c, List<ProtoItem> items) {
        if (items.isEmpty()) {
            return null;
        }
        if (c.valueType() == FieldColumn.ValueType.TEXT) {
            return UTF8String.fromString(joined(items));
        }
        return switch (occurrence) {
            case 'f' -> value(c.valueType(), items.get(0));
            case 'l' -> value(c.valueType(), items.get(items.size() - 1));
            default -> {
                Object[] all = new Object[items.size()];
                for (int j = 0; j < all.length; j++) {
                    all[j] = value(c.valueType(), items.get(j));
                }
                yield new GenericArrayData(all);
            }
        };
    }

    /** A text-valued column: the occurrences as -T fields prints them (joined by ',' for all). */
    private String joined(List<ProtoItem> items) {
        return switch (occurrence) {
            case 'f' -> escaped(FieldFormat.fieldsText(items.get(0)));
            case 'l' -> escaped(FieldFormat.fieldsText(items.get(items.size() - 1)));
            default -> {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < items.size(); j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    sb.append(escaped(FieldFormat.fieldsText(items.get(j))));
                }
                yield sb.toString();
            }
        };
    }

    /** tshark's escapes in -T fields values (text mode only), as the CLI writes them. */
    private String escaped(String s) {
        return text ? dev.dorsal.engine.output.FieldsFormatter.escaped(s) : s;
    }

    private static Object value(FieldColumn.ValueType type, ProtoItem item) {
        long v = item.num();
        return switch (type) {
            case BOOLEAN -> v != 0;
            case INT -> (int) v;
            case LONG -> v;
            case UNSIGNED64 -> Decimal.apply(new BigDecimal(new BigInteger(Long.toUnsignedString(v))), 20, 0);
            case DOUBLE -> item.doubleValue();
            case TIMESTAMP -> Math.floorDiv(v, 1000L); // microseconds since the epoch
            case SECONDS -> Decimal.apply(BigDecimal.valueOf(v, 9), 20, 9);
            case BINARY -> item.bytesValue();
            case STRING -> {
                String s = item.stringValue();
                yield UTF8String.fromString(s != null ? s : "");
            }
            case STRING_OF_ADDRESS, TEXT -> UTF8String.fromString(FieldFormat.fieldsText(item));
        };
    }

    /** Gathers, per column, the tree nodes of its field in tree order. */
    private void collect(DissectedPacket p) {
        for (List<ProtoItem> l : found) {
            l.clear();
        }
        FieldValues.forEachNamed(p.tree(), byName, (cols, n) -> {
            for (int c : cols) {
                found.get(c).add(n);
            }
        });
    }
}
