package dev.dorsal.engine.spi;

import java.util.Map;

/**
 * A table from keys (integers such as ports and EtherTypes, or strings such as media types) to
 * dissectors. The lower layer declares it; upper layers add themselves in their handoff.
 */
public interface DissectorTable {
    String name();

    String uiName();

    /** Key type: an unsigned integer type, or STRING. */
    FieldType keyType();

    void add(long key, DissectorHandle handle);

    void addRange(long low, long high, DissectorHandle handle);

    void add(String key, DissectorHandle handle);

    void remove(long key);

    /** Decode-As: {@code handle} replaces whatever is registered for {@code key} (null restores it). */
    void decodeAs(long key, DissectorHandle handle);

    DissectorHandle lookup(long key);

    DissectorHandle lookup(String key);

    /** Calls the dissector for {@code key}; returns the bytes it consumed, or 0 when none or it declined. */
    int tryDissect(long key, Tvb tvb, PacketInfo pinfo, ProtoItem tree);

    int tryDissect(String key, Tvb tvb, PacketInfo pinfo, ProtoItem tree);

    /** Current integer entries (with Decode-As applied), for -G decodes and the shell. */
    Map<Long, DissectorHandle> entries();
}
