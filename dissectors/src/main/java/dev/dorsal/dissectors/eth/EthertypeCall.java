package dev.dorsal.dissectors.eth;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;

/**
 * The arguments of one call of the "ethertype" handle (Wireshark's ethertype_data_t): the type value,
 * where it sits, the header subtree that gets the type and trailer items, and what is known about an
 * FCS. Handles take no argument object, so the caller fills this per-capture slot right before
 * {@code pinfo.call(ethertype, …)} and the ethertype dissector empties it on entry; nested calls
 * (VLAN inside Ethernet) therefore never see each other's values.
 */
public final class EthertypeCall {
    private static final Key<EthertypeCall> KEY = Key.of("ethertype.call");

    /** FCS length: unknown, so the trailer decides (frames of 64 bytes or more are assumed to carry one). */
    public static final int FCS_UNKNOWN = -1;

    int etype;
    int offsetAfterType;
    ProtoItem headerTree;
    FieldDef typeField;
    FieldDef trailerField;
    int fcsLen;
    boolean armed;

    /** Prepares the next ethertype call of this capture; {@code typeField} null when the caller showed the type. */
    public static void prepare(PacketInfo pinfo, int etype, int offsetAfterType, ProtoItem headerTree,
            FieldDef typeField, FieldDef trailerField, int fcsLen) {
        EthertypeCall c = pinfo.state(KEY, EthertypeCall::new);
        c.etype = etype;
        c.offsetAfterType = offsetAfterType;
        c.headerTree = headerTree;
        c.typeField = typeField;
        c.trailerField = trailerField;
        c.fcsLen = fcsLen;
        c.armed = true;
    }

    /** The prepared call, or null when the handle was called without one (it then declines). */
    static EthertypeCall take(PacketInfo pinfo) {
        EthertypeCall c = pinfo.state(KEY, EthertypeCall::new);
        if (!c.armed) {
            return null;
        }
        c.armed = false;
        return c;
    }
}
