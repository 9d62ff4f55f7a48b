package dev.dorsal.engine.dissect;

import java.util.BitSet;

/**
 * What a consumer wants from dissection: a detailed tree with labels (-V, JSON), or only some fields
 * (interest, by field id; null for all), and whether summary columns are needed.
 */
public record DissectionOptions(boolean detailed, BitSet interest, boolean columns) {
    public static final DissectionOptions FULL = new DissectionOptions(true, null, true);
    public static final DissectionOptions SUMMARY = new DissectionOptions(false, new BitSet(), true);
}
