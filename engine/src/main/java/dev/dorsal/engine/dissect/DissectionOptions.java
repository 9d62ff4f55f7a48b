package dev.dorsal.engine.dissect;

import java.util.BitSet;

/**
 * What a consumer wants from dissection: a detailed tree with labels (-V, JSON), or only some fields
 * (interest, by field id; null for all), and whether summary columns are needed.
 *
 * <p>The interest set also decides which protocols run at all: when it holds only fields of the link,
 * network and transport layers (and no columns or tree are wanted), the protocols above TCP and UDP
 * are skipped (see {@code TransportPayloadNeed}). A consumer that reads a protocol's per-capture state
 * rather than its fields (the TLS ladder of {@code -z tls,flow}) names that protocol in the set.
 * Use the same options, or options wanting at least as much, for every frame of one Dissection:
 * state built while a protocol was skipped is not there later; {@code everyProtocol} turns the
 * skipping off.
 */
public record DissectionOptions(boolean detailed, BitSet interest, boolean columns, boolean everyProtocol) {
    public static final DissectionOptions FULL = new DissectionOptions(true, null, true);
    public static final DissectionOptions SUMMARY = new DissectionOptions(false, new BitSet(), true);

    /**
     * Options that may skip the protocols above TCP and UDP when only lower-layer fields are wanted.
     * Use {@code everyProtocol = true} for a pass that builds state for later passes over the same
     * Dissection with other options (the shell's replay: {@code show} after {@code filter}).
     */
    public DissectionOptions(boolean detailed, BitSet interest, boolean columns) {
        this(detailed, interest, columns, false);
    }
}
