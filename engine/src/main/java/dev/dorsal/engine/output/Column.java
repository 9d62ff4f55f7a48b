package dev.dorsal.engine.output;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.EtherNames;

/**
 * The default summary columns and their text for one packet, shared by the one-line summary and
 * the {@code _ws.col.*} pseudo-fields.
 */
public enum Column {
    NUMBER("No."), TIME("Time"), SOURCE("Source"), DESTINATION("Destination"), PROTOCOL("Protocol"),
    LENGTH("Length"), INFO("Info");

    /** Prefix of the pseudo-fields that print a column: {@code _ws.col.Info}. */
    public static final String FIELD_PREFIX = "_ws.col.";

    private final String title;

    Column(String title) {
        this.title = title;
    }

    /** The column title tshark uses, also the suffix of its {@code _ws.col.} field. */
    public String title() {
        return title;
    }

    /** The column a {@code _ws.col.<Title>} field name stands for, or null. */
    public static Column ofField(String field) {
        if (!field.startsWith(FIELD_PREFIX)) {
            return null;
        }
        String t = field.substring(FIELD_PREFIX.length());
        for (Column c : values()) {
            if (c.title.equals(t)) {
                return c;
            }
        }
        return null;
    }

    /** Appends this column's text for {@code p}, with {@code time} as the Time column's format. */
    public void append(StringBuilder sb, DissectedPacket p, TimeFormat time) {
        append(sb, p, time, true);
    }

    /** As {@link #append(StringBuilder, DissectedPacket, TimeFormat)}; {@code resolveMac} false prints MACs as hex (-n). */
    public void append(StringBuilder sb, DissectedPacket p, TimeFormat time, boolean resolveMac) {
        switch (this) {
            case NUMBER -> sb.append(p.frame().number());
            case TIME -> time.append(sb, p.frame());
            case SOURCE -> sb.append(source(p, resolveMac));
            case DESTINATION -> sb.append(destination(p, resolveMac));
            case PROTOCOL -> sb.append(p.columns().protocol());
            case LENGTH -> sb.append(p.frame().originalLength());
            case INFO -> sb.append(p.columns().info());
        }
    }

    /** This column's text for {@code p}. */
    public String text(DissectedPacket p, TimeFormat time) {
        return text(p, time, true);
    }

    public String text(DissectedPacket p, TimeFormat time, boolean resolveMac) {
        StringBuilder sb = new StringBuilder(32);
        append(sb, p, time, resolveMac);
        return sb.toString();
    }

    /** The Source column: what a dissector set, else the packet's source address (MACs resolved). */
    public static String source(DissectedPacket p) {
        return source(p, true);
    }

    public static String source(DissectedPacket p, boolean resolveMac) {
        String s = p.columns().source();
        return s != null ? s : address(p.src(), resolveMac);
    }

    public static String destination(DissectedPacket p) {
        return destination(p, true);
    }

    public static String destination(DissectedPacket p, boolean resolveMac) {
        String s = p.columns().destination();
        return s != null ? s : address(p.dst(), resolveMac);
    }

    private static String address(Address a, boolean resolveMac) {
        if (a == null) {
            return "";
        }
        if (resolveMac && a.type() == Address.Type.ETHER && a.bytes().length == 6) {
            long v = 0;
            for (byte b : a.bytes()) {
                v = (v << 8) | (b & 0xff);
            }
            return EtherNames.resolve(v);
        }
        return a.toString();
    }
}
