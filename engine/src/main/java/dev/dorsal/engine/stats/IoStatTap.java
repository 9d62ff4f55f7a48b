package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.registry.Registry;

import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.stats.IoStatColumn.Calc;
import dev.dorsal.engine.stats.IoStatColumn.Item;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code -z io,stat,<interval>[,<column>…]}: per time interval, frames and bytes of the packets each
 * column's filter matches, or a function of a field over them ({@code COUNT SUM MIN MAX AVG LOAD},
 * written {@code FUNC(field)filter}; also {@code FRAMES()} and {@code BYTES()}). Interval 0 means the
 * whole capture. The table is printed by {@link IoStatPrinter}.
 *
 * <p>As in tshark: intervals start at the first frame; a frame earlier than the latest interval is
 * counted in the latest one; a function sees a field only when some display filter of the run
 * refers to it (otherwise it reads nothing, as tshark's statistics tree lacks it); LOAD spreads each
 * response time backwards over the intervals it covers.
 *
 * <p>Bounded state: at most {@value #MAX_INTERVALS} intervals per column. Frames falling after them
 * are not counted, and the table then ends with one line saying how many.
 */
final class IoStatTap implements Tap {
    static final int MAX_INTERVALS = 1_000_000;
    /** tshark's G_MAXUINT64 interval: the whole capture in one row. */
    static final long WHOLE = -1L;

    final long interval;
    final int intervalPrecision;
    final List<IoStatColumn> columns;
    private long elapsedNanos;
    private Set<String> available = Set.of();
    private long dropped;

    /** Parses {@code rest}, the argument after {@code io,stat}, compiling filters with the display-filter compiler. */
    static IoStatTap parse(String rest, Registry registry) throws StatsException {
        return IoStatArgs.parse(rest, registry.fields()::first, text -> TapFilter.compile(text, registry));
    }

    IoStatTap(long interval, int intervalPrecision, List<IoStatColumn> columns) {
        this.interval = interval;
        this.intervalPrecision = intervalPrecision;
        this.columns = columns;
        Set<String> own = new HashSet<>();
        for (IoStatColumn c : columns) {
            if (c.filter != null) {
                own.addAll(c.filter.fields());
            }
        }
        this.available = own;
    }

    @Override
    public void runContext(Set<String> filterFields, boolean detailsPrinted) {
        Set<String> s = new HashSet<>(available);
        s.addAll(filterFields);
        available = s;
    }

    @Override
    public void packet(DissectedPacket p) {
        long rel = p.frame().relativeNanos();
        if (rel > elapsedNanos) {
            elapsedNanos = rel;
        }
        long us = rel < 0 ? 0 : micros(rel);
        for (IoStatColumn c : columns) {
            if (TapFilter.passes(c.filter, p)) {
                add(c, us, p);
            }
        }
    }

    /** Microseconds of a non-negative time, rounded as tshark rounds nanoseconds. */
    static long micros(long nanos) {
        return (nanos / 1_000_000_000L) * 1_000_000L + (nanos % 1_000_000_000L + 500) / 1000;
    }

    private void add(IoStatColumn c, long us, DissectedPacket p) {
        int last = c.items.size() - 1;
        Item it = c.items.get(last);
        while (Long.compareUnsigned(us, it.time + interval) >= 0) {
            if (c.items.size() >= MAX_INTERVALS) {
                dropped++;
                return;
            }
            it = new Item(it.time + interval);
            c.items.add(it);
            last++;
        }
        it.frames++;
        switch (c.calc) {
            case FRAMES, BYTES, FRAMES_AND_BYTES -> it.counter += p.frame().originalLength();
            default -> function(c, it, last, p);
        }
        updateMax(c, it);
    }

    private void function(IoStatColumn c, Item it, int index, DissectedPacket p) {
        if (!available.contains(c.field)) {
            return;
        }
        List<ProtoItem> values = FieldValues.find(p.tree(), c.field);
        if (values.isEmpty()) {
            return;
        }
        if (c.calc == Calc.COUNT) {
            it.counter += values.size();
            return;
        }
        for (ProtoItem v : values) {
            long n = integer(c.type, v);
            switch (c.calc) {
                case SUM -> {
                    if (c.type == FieldType.FLOAT) {
                        it.floatCounter += (float) v.doubleValue();
                    } else if (c.type == FieldType.DOUBLE) {
                        it.doubleCounter += v.doubleValue();
                    } else {
                        it.counter += n;
                    }
                }
                case MIN -> {
                    if (c.type == FieldType.FLOAT) {
                        float f = (float) v.doubleValue();
                        if (it.num == 0 || f < it.floatCounter) {
                            it.floatCounter = f;
                        }
                    } else if (c.type == FieldType.DOUBLE) {
                        if (it.num == 0 || v.doubleValue() < it.doubleCounter) {
                            it.doubleCounter = v.doubleValue();
                        }
                    } else if (it.num == 0 || less(c, n, it.counter)) {
                        it.counter = n;
                    }
                    it.num++;
                }
                case MAX -> {
                    if (c.type == FieldType.FLOAT) {
                        float f = (float) v.doubleValue();
                        if (f > it.floatCounter) {
                            it.floatCounter = f;
                        }
                    } else if (c.type == FieldType.DOUBLE) {
                        if (v.doubleValue() > it.doubleCounter) {
                            it.doubleCounter = v.doubleValue();
                        }
                    } else if (less(c, it.counter, n)) {
                        it.counter = n;
                    }
                    it.num++;
                }
                case AVG -> {
                    it.num++;
                    if (c.type == FieldType.FLOAT) {
                        it.floatCounter += (float) v.doubleValue();
                    } else if (c.type == FieldType.DOUBLE) {
                        it.doubleCounter += v.doubleValue();
                    } else {
                        it.counter += n;
                    }
                }
                case LOAD -> load(c, it, index, v.num());
                default -> { }
            }
        }
    }

    /**
     * Adds a response time to the interval it ended in and, backwards, to the ones it spans (each
     * full interval gets the interval's length). Like tshark, the walk back from the first interval
     * continues at the newest one, so a huge value (a negative time read as unsigned) goes round and
     * round; the rounds are added at once instead of walked.
     */
    private void load(IoStatColumn c, Item it, int index, long nanos) {
        long val = (nanos / 1_000_000_000L) * 1_000_000L + (nanos % 1_000_000_000L) / 1000;
        int inInterval = (int) Long.remainderUnsigned(val, interval);
        it.counter += inInterval;
        val -= inInterval;
        long steps = Long.divideUnsigned(val, interval);
        long rest = Long.remainderUnsigned(val, interval);
        int n = c.items.size();
        long rounds = Long.divideUnsigned(steps, n);
        int extra = (int) Long.remainderUnsigned(steps, n);
        for (int s = 0; s < n && (rounds != 0 || s < extra); s++) {
            Item pit = c.items.get(Math.floorMod(index - 1 - s, n));
            pit.counter += interval * (rounds + (s < extra ? 1 : 0));
        }
        if (rest != 0) {
            c.items.get(Math.floorMod(index - 1 - extra, n)).counter += rest;
        }
    }

    private static boolean less(IoStatColumn c, long a, long b) {
        return c.isSigned() ? a < b : Long.compareUnsigned(a, b) < 0;
    }

    /** A field value as tshark's 64-bit counter sees it (32-bit fields read as 32-bit values). */
    private static long integer(FieldType type, ProtoItem v) {
        return switch (type) {
            case UINT8, UINT16, UINT24, UINT32 -> v.num() & 0xffffffffL;
            case INT8, INT16, INT24, INT32 -> (int) v.num();
            default -> v.num();
        };
    }

    /** Remembers the widest value of the column, which sets its width. */
    private static void updateMax(IoStatColumn c, Item it) {
        switch (c.calc) {
            case FRAMES, FRAMES_AND_BYTES -> {
                c.maxFrames = Math.max(c.maxFrames, it.frames);
                if (c.calc == Calc.FRAMES_AND_BYTES) {
                    c.maxValue = umax(c.maxValue, it.counter);
                }
            }
            case BYTES, COUNT, LOAD -> c.maxValue = umax(c.maxValue, it.counter);
            case SUM, MIN, MAX -> {
                if (c.type == FieldType.FLOAT) {
                    c.maxValue = umax(c.maxValue, toUnsigned(it.floatCounter + 0.5));
                } else if (c.type == FieldType.DOUBLE) {
                    c.maxValue = umax(c.maxValue, toUnsigned(it.doubleCounter + 0.5));
                } else {
                    c.maxValue = umax(c.maxValue, it.counter);
                }
            }
            case AVG -> {
                if (it.num == 0) {
                    return;
                }
                if (c.type == FieldType.FLOAT) {
                    c.maxValue = umax(c.maxValue, Long.divideUnsigned(toUnsigned(it.floatCounter), it.num));
                } else if (c.type == FieldType.DOUBLE) {
                    c.maxValue = umax(c.maxValue, Long.divideUnsigned(toUnsigned(it.doubleCounter), it.num));
                } else if (c.type == FieldType.RELATIVE_TIME) {
                    c.maxValue = umax(c.maxValue,
                            (Long.divideUnsigned(it.counter, it.num) + 500_000_000L) / 1_000_000_000L);
                } else {
                    c.maxValue = umax(c.maxValue, Long.divideUnsigned(it.counter, it.num));
                }
            }
        }
    }

    private static long umax(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    /** A C cast of a double to guint64, with negative values as 0. */
    private static long toUnsigned(double d) {
        if (!(d > 0)) {
            return 0;
        }
        if (d >= 9.223372036854775807E18) {
            return (long) (d - 9.223372036854775807E18) + Long.MIN_VALUE;
        }
        return (long) d;
    }

    @Override
    public void finish(PrintStream out) {
        StringBuilder sb = new StringBuilder(2048);
        IoStatPrinter.print(sb, this, micros(elapsedNanos));
        if (dropped > 0) {
            sb.append("(").append(dropped).append(" frames after the first ").append(MAX_INTERVALS)
                    .append(" intervals were not counted)\n");
        }
        out.print(sb);
    }

    @Override
    public Set<String> fieldsNeeded() {
        Set<String> s = new HashSet<>();
        for (IoStatColumn c : columns) {
            if (c.field != null) {
                s.add(c.field);
            }
            if (c.filter != null) {
                s.addAll(c.filter.fields());
            }
        }
        return s;
    }

    @Override
    public Set<String> filterFields() {
        Set<String> s = new HashSet<>();
        for (IoStatColumn c : columns) {
            if (c.filter != null) {
                s.addAll(c.filter.fields());
            }
        }
        return s;
    }

    @Override
    public boolean needsDetailedTree() {
        return false;
    }
}
