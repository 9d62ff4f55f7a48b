package dev.dorsal.spark;

/** Where a column's value comes from. */
public enum ColumnKind {
    /** A registered Wireshark field: its value in the dissection tree. */
    FIELD,
    /** A {@code _ws.col.<Title>} summary column. */
    SUMMARY,
    /** One of the {@code dorsal.*} columns: the frame as captured, for writing captures back. */
    RAW
}
