package dev.dorsal.dissectors.icmpv6;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads Multicast Listener Discovery messages: version 1 query, report and done (RFC 2710), the
 * version 2 query (RFC 3810 section 5.1, recognised by its length) and the version 2 report with its
 * multicast address records (section 5.2).
 */
final class Mld {
    private Mld() {}

    private static final ValueString RECORD_TYPES = ValueString.of(1, "Include", 2, "Exclude",
            3, "Changed to include", 4, "Changed to exclude", 5, "Allow new sources", 6, "Block old sources");

    static final FieldDef MAX_DELAY = FieldDef.uint16("icmpv6.mld.maximum_response_delay",
            "Maximum Response Delay [ms]");
    static final FieldDef MULTICAST_ADDRESS = FieldDef.ipv6("icmpv6.mld.multicast_address", "Multicast Address");
    static final FieldDef MAX_CODE = FieldDef.uint16("icmpv6.mld.maximum_response_code", "Maximum Response Code");
    static final FieldDef FLAG = FieldDef.uint8("icmpv6.mld.flag", "Flags").hex();
    static final FieldDef FLAG_S = FieldDef.bool("icmpv6.mld.flag.s", "Suppress Router-Side Processing", 8, 0x08)
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef FLAG_QRV = FieldDef.uint8("icmpv6.mld.flag.qrv", "QRV (Querier's Robustness Variable)")
            .mask(0x07);
    static final FieldDef FLAG_RESERVED = FieldDef.uint8("icmpv6.mld.flag.reserved", "Reserved").mask(0xf0);
    static final FieldDef QQI = FieldDef.uint8("icmpv6.mld.qqi", "QQIC (Querier's Query Interval Code)");
    static final FieldDef NB_SOURCES = FieldDef.uint16("icmpv6.mld.nb_sources", "Number of Sources");
    static final FieldDef SOURCE_ADDRESS = FieldDef.ipv6("icmpv6.mld.source_address", "Source Address");
    static final FieldDef NB_RECORDS = FieldDef.uint16("icmpv6.mldr.nb_mcast_records",
            "Number of Multicast Address Records");
    static final FieldDef RECORD = FieldDef.none("icmpv6.mldr.mar", "Multicast Address Record");
    static final FieldDef RECORD_TYPE = FieldDef.uint8("icmpv6.mldr.mar.record_type", "Record Type")
            .vals(RECORD_TYPES);
    static final FieldDef AUX_DATA_LEN = FieldDef.uint8("icmpv6.mldr.mar.aux_data_len", "Aux Data Len");
    static final FieldDef RECORD_NB_SOURCES = FieldDef.uint16("icmpv6.mldr.mar.nb_sources", "Number of Sources");
    static final FieldDef RECORD_ADDRESS = FieldDef.ipv6("icmpv6.mldr.mar.multicast_address", "Multicast Address");
    static final FieldDef RECORD_SOURCE = FieldDef.ipv6("icmpv6.mldr.mar.source_address", "Source Address");
    static final FieldDef AUX_DATA = FieldDef.bytes("icmpv6.mldr.mar.auxiliary_data", "Auxiliary Data");

    static final List<FieldDef> FIELDS = List.of(MAX_DELAY, MULTICAST_ADDRESS, MAX_CODE, FLAG, FLAG_S, FLAG_QRV,
            FLAG_RESERVED, QQI, NB_SOURCES, SOURCE_ADDRESS, NB_RECORDS, RECORD, RECORD_TYPE, AUX_DATA_LEN,
            RECORD_NB_SOURCES, RECORD_ADDRESS, RECORD_SOURCE, AUX_DATA);

    /** Query, report or done; a query of 28 bytes or more is version 2. */
    static void v1OrQuery(Tvb tvb, ProtoItem icmp, int type) {
        boolean v2 = type == Icmpv6Values.MLD_QUERY && tvb.reportedLength() >= 28;
        Items.add(icmp, v2 ? MAX_CODE : MAX_DELAY, tvb, 4, 2);
        Items.add(icmp, Icmpv6Dissector.RESERVED, tvb, 6, 2);
        Items.add(icmp, MULTICAST_ADDRESS, tvb, 8, 16);
        if (!v2) {
            return;
        }
        ProtoItem flags = Items.add(icmp, FLAG, tvb, 24, 1);
        Items.add(flags, FLAG_S, tvb, 24, 1);
        Items.add(flags, FLAG_QRV, tvb, 24, 1);
        Items.add(flags, FLAG_RESERVED, tvb, 24, 1);
        Items.add(icmp, QQI, tvb, 25, 1);
        int n = tvb.u16(26);
        Items.add(icmp, NB_SOURCES, tvb, 26, 2);
        for (int i = 0, off = 28; i < n; i++, off += 16) {
            Items.add(icmp, SOURCE_ADDRESS, tvb, off, 16);
        }
    }

    /** Version 2 report: a list of multicast address records, each with its sources. */
    static void report(Tvb tvb, ProtoItem icmp) {
        Items.add(icmp, Icmpv6Dissector.RESERVED, tvb, 4, 2);
        int records = tvb.u16(6);
        Items.add(icmp, NB_RECORDS, tvb, 6, 2);
        int off = 8;
        for (int i = 0; i < records && off < tvb.reportedLength(); i++) { // tshark stops where the message does
            // As tshark: the record item first (its length known at the end), then each field as
            // it is read, the label last; a short record keeps what was there.
            int type = tvb.u8(off);
            ProtoItem rec = icmp.add(RECORD, tvb, off, tvb.length() - off);
            Items.add(rec, RECORD_TYPE, tvb, off, 1);
            int auxLen = tvb.u8(off + 1) * 4;
            Items.add(rec, AUX_DATA_LEN, tvb, off + 1, 1);
            int sources = tvb.u16(off + 2);
            Items.add(rec, RECORD_NB_SOURCES, tvb, off + 2, 2);
            int size = 20 + sources * 16 + auxLen;
            if (rec != icmp) {
                rec.setLength(size);
            }
            byte[] address = tvb.bytes(off + 4, 16);
            Items.add(rec, RECORD_ADDRESS, tvb, off + 4, 16);
            if (icmp.tree().detailed() && rec != icmp) {
                rec.appendText(" " + RECORD_TYPES.nameOr(type, "Unknown") + ": " + AddressFormat.ipv6(address));
            }
            int p = off + 20;
            for (int s = 0; s < sources; s++, p += 16) {
                Items.add(rec, RECORD_SOURCE, tvb, p, 16);
            }
            if (auxLen > 0) {
                Items.add(rec, AUX_DATA, tvb, p, auxLen);
            }
            off += size;
        }
    }
}
