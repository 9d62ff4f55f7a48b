package dev.dorsal.dissectors.mpls;

import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * The associated channel header of MPLS pseudowires and of the generic associated channel (RFC 4385,
 * 5586): first nibble 1, version, a reserved byte that must be zero, and a channel type. IPv4 and
 * IPv6 channels are dissected; the OAM channels tshark reads (BFD, MCC, loss and delay measurement,
 * PSC, …) are shown as data (docs/compat.md). Filter prefix {@code pwach.}.
 *
 * <pre>
 * | 0001 (4) | version (4) | reserved (8) | channel type (16) |
 * </pre>
 */
public final class PwAchDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("PW Associated Channel Header", "PW Associated Channel",
            "pwach");

    /** Name of the table of channel types. */
    static final String CHANNEL_TABLE = "pwach.channel_type";

    /** The channel type names tshark 4.0 shows. */
    static final ValueString CHANNEL_TYPES = ValueString.builder().add(0x0000, "Reserved")
            .add(0x0001, "Management Communication Channel (MCC)").add(0x0002, "Signaling Communication Channel (SCC)")
            .add(0x0007, "BFD Control, PW-ACH-encapsulated (BFD Without IP/UDP Headers)")
            .add(0x000a, "MPLS Direct Loss Measurement (DLM)").add(0x000b, "MPLS Inferred Loss Measurement (ILM)")
            .add(0x000c, "MPLS Delay Measurement (DM)").add(0x000d, "MPLS Direct Loss and Delay Measurement (DLM+DM)")
            .add(0x000e, "MPLS Inferred Loss and Delay Measurement (ILM+DM)").add(0x0021, "IPv4 packet")
            .add(0x0022, "MPLS-TP CC message").add(0x0023, "MPLS-TP CV message")
            .add(0x0024, "Protection State Coordination Protocol (PSC)").add(0x0025, "On-Demand CV").add(0x0026, "LI")
            .add(0x0027, "Pseudo-Wire OAM").add(0x0028, "MAC Withdraw OAM Msg").add(0x0057, "IPv6 packet")
            .add(0x0058, "Fault OAM").range(0x7ff8, 0x7fff, "Reserved for Experimental Use").add(0x8902, "MPLS-TP OAM")
            .build();

    static final FieldDef VERSION = FieldDef.uint8("pwach.ver", "Channel Version").mask(0x0f);
    static final FieldDef RESERVED = FieldDef.uint8("pwach.res", "Reserved").hex();
    static final FieldDef CHANNEL_TYPE = FieldDef.uint16("pwach.channel_type", "Channel Type").hex()
            .vals(CHANNEL_TYPES);

    static final List<FieldDef> FIELDS = List.of(VERSION, RESERVED, CHANNEL_TYPE);

    static final ExpertDef RESERVED_NOT_ZERO = new ExpertDef("pwach.res.not_zero",
            "Error: this byte is reserved and must be 0", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef ERROR_PROCESSING = new ExpertDef("pwach.error_processing_message",
            "Error processing Message", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    /** Set by MPLS when the channel follows the Generic Associated Channel Label. */
    static final Key<Boolean> AFTER_GAL = Key.of("pwach.gal");

    private static final int HEADER = 4;

    private DissectorTable table;
    private DissectorHandle data;

    @Override
    public String name() {
        return "pwach";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        // As in tshark, the channel header's fields belong to MPLS (tshark -G fields lists them under "mpls").
        r.fields(MplsDissector.PROTO, FIELDS);
        r.experts(MplsDissector.PROTO, List.of(RESERVED_NOT_ZERO, ERROR_PROCESSING));
        table = r.newTable(CHANNEL_TABLE, "PW Associated Channel Type", FieldType.UINT16, Base.HEX);
        r.handle("pwach", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        data = t.handle("data");
        table.add(0x0021, t.handle("ip"));
        table.add(0x0057, t.handle("ipv6"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (tvb.reportedLength() < HEADER) {
            tree.addText(tvb, 0, 0, "Error processing Message").expert(ERROR_PROCESSING);
            return tvb.length();
        }
        boolean gal = Boolean.TRUE.equals(pinfo.get(AFTER_GAL));
        ProtoItem ach = tree.addProtocol(PROTO, tvb, 0, HEADER,
                gal ? "Generic Associated Channel Header" : "PW Associated Channel Header");
        ach.add(VERSION, tvb, 0, 1);
        ProtoItem res = ach.add(RESERVED, tvb, 1, 1);
        if (tvb.u8(1) != 0) {
            res.expert(RESERVED_NOT_ZERO);
        }
        int type = tvb.u16(2);
        ach.add(CHANNEL_TYPE, tvb, 2, 2);
        Tvb payload = tvb.slice(HEADER);
        int used = Dispatch.tryDissect(table, type, payload, pinfo, tree);
        if (used == Dispatch.DECLINED && Dispatch.errors(pinfo) == 0 && payload.reportedLength() > 0) {
            pinfo.call(data, payload, tree);
        }
        return tvb.length();
    }
}
