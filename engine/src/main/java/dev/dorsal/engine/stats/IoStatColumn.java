package dev.dorsal.engine.stats;

import dev.dorsal.engine.spi.FieldType;
import java.util.ArrayList;
import java.util.List;

/**
 * One column of {@code -z io,stat}: what it computes, over which field and filter, and its value in
 * each interval so far. Values are kept as tshark keeps them: an unsigned 64-bit counter (integers,
 * bytes, relative times in nanoseconds, LOAD in microseconds), a float and a double accumulator.
 */
final class IoStatColumn {
    /** The calculations, with the names the header row shows. */
    enum Calc {
        FRAMES("FRAMES"), BYTES("BYTES"), FRAMES_AND_BYTES("FRAMES BYTES"), COUNT("COUNT"), SUM("SUM"), MIN("MIN"),
        MAX("MAX"), AVG("AVG"), LOAD("LOAD");

        final String label;

        Calc(String label) {
            this.label = label;
        }
    }

    /** The column's value in one interval. */
    static final class Item {
        final long time;
        long frames;
        long counter;
        float floatCounter;
        double doubleCounter;
        long num;

        Item(long time) {
            this.time = time;
        }
    }

    final Calc calc;
    /** The function's field, or null. */
    final String field;
    final FieldType type;
    final TapFilter filter;
    /** The column's text as given (printed in the header), or null for an empty column. */
    final String text;
    final List<Item> items = new ArrayList<>();
    long maxValue;
    long maxFrames;

    IoStatColumn(Calc calc, String field, FieldType type, TapFilter filter, String text) {
        this.calc = calc;
        this.field = field;
        this.type = type;
        this.filter = filter;
        this.text = text;
        items.add(new Item(0));
    }

    boolean isFloat() {
        return type == FieldType.FLOAT || type == FieldType.DOUBLE;
    }

    boolean isSigned() {
        return switch (type) {
            case INT8, INT16, INT24, INT32, INT40, INT48, INT56, INT64 -> true;
            default -> false;
        };
    }
}
