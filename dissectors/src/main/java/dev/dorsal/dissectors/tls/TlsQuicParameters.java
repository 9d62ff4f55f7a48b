package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Dissects the quic_transport_parameters extension (RFC 9000 section 18): a sequence of parameters,
 * each a variable-length integer ID, a variable-length integer length and the value, shown as
 * "Parameter: name (len=N) value" (a text node, as tshark's JSON keys it) with the value decoded for the parameters RFC 9000 and RFC 9221 define.
 *
 * <pre>
 * | parameter ID (varint) | length (varint) | value (length bytes) | …
 * </pre>
 */
final class TlsQuicParameters {
    private TlsQuicParameters() {}

    static final int ORIGINAL_DCID = 0x00;
    static final int MAX_IDLE_TIMEOUT = 0x01;
    static final int STATELESS_RESET_TOKEN = 0x02;
    static final int MAX_UDP_PAYLOAD_SIZE = 0x03;
    static final int INITIAL_MAX_DATA = 0x04;
    static final int INITIAL_MAX_STREAM_DATA_BIDI_LOCAL = 0x05;
    static final int INITIAL_MAX_STREAM_DATA_BIDI_REMOTE = 0x06;
    static final int INITIAL_MAX_STREAM_DATA_UNI = 0x07;
    static final int INITIAL_MAX_STREAMS_BIDI = 0x08;
    static final int INITIAL_MAX_STREAMS_UNI = 0x09;
    static final int ACK_DELAY_EXPONENT = 0x0a;
    static final int MAX_ACK_DELAY = 0x0b;
    static final int DISABLE_ACTIVE_MIGRATION = 0x0c;
    static final int PREFERRED_ADDRESS = 0x0d;
    static final int ACTIVE_CONNECTION_ID_LIMIT = 0x0e;
    static final int INITIAL_SOURCE_CONNECTION_ID = 0x0f;
    static final int RETRY_SOURCE_CONNECTION_ID = 0x10;
    static final int MAX_DATAGRAM_FRAME_SIZE = 0x20;

    static final ValueString NAMES = ValueString.builder().add(ORIGINAL_DCID, "original_destination_connection_id")
            .add(MAX_IDLE_TIMEOUT, "max_idle_timeout").add(STATELESS_RESET_TOKEN, "stateless_reset_token")
            .add(MAX_UDP_PAYLOAD_SIZE, "max_udp_payload_size").add(INITIAL_MAX_DATA, "initial_max_data")
            .add(INITIAL_MAX_STREAM_DATA_BIDI_LOCAL, "initial_max_stream_data_bidi_local")
            .add(INITIAL_MAX_STREAM_DATA_BIDI_REMOTE, "initial_max_stream_data_bidi_remote")
            .add(INITIAL_MAX_STREAM_DATA_UNI, "initial_max_stream_data_uni")
            .add(INITIAL_MAX_STREAMS_BIDI, "initial_max_streams_bidi")
            .add(INITIAL_MAX_STREAMS_UNI, "initial_max_streams_uni").add(ACK_DELAY_EXPONENT, "ack_delay_exponent")
            .add(MAX_ACK_DELAY, "max_ack_delay").add(DISABLE_ACTIVE_MIGRATION, "disable_active_migration")
            .add(PREFERRED_ADDRESS, "preferred_address").add(ACTIVE_CONNECTION_ID_LIMIT, "active_connection_id_limit")
            .add(INITIAL_SOURCE_CONNECTION_ID, "initial_source_connection_id")
            .add(RETRY_SOURCE_CONNECTION_ID, "retry_source_connection_id")
            .add(MAX_DATAGRAM_FRAME_SIZE, "max_datagram_frame_size").build();

    static final FieldDef PARAMETER = FieldDef.none("tls.quic.parameter", "Parameter");
    static final FieldDef TYPE = FieldDef.uint64("tls.quic.parameter.type", "Type")
            .custom(v -> name(v) + String.format(" (0x%02x)", v));
    static final FieldDef LENGTH = FieldDef.uint64("tls.quic.parameter.length", "Length");
    static final FieldDef VALUE = FieldDef.bytes("tls.quic.parameter.value", "Value");
    static final FieldDef ODCID = FieldDef.bytes("tls.quic.parameter.original_destination_connection_id",
            "original_destination_connection_id");
    static final FieldDef RESET_TOKEN = FieldDef.bytes("tls.quic.parameter.stateless_reset_token",
            "stateless_reset_token");
    static final FieldDef PA_IPV4 = FieldDef.ipv4("tls.quic.parameter.preferred_address.ipv4address", "ipv4Address");
    static final FieldDef PA_IPV4_PORT = FieldDef.uint16("tls.quic.parameter.preferred_address.ipv4port", "ipv4Port");
    static final FieldDef PA_IPV6 = FieldDef.ipv6("tls.quic.parameter.preferred_address.ipv6address", "ipv6Address");
    static final FieldDef PA_IPV6_PORT = FieldDef.uint16("tls.quic.parameter.preferred_address.ipv6port", "ipv6Port");
    static final FieldDef PA_CID_LENGTH = FieldDef.uint8("tls.quic.parameter.preferred_address.connectionid.length",
            "Length");
    static final FieldDef PA_CID = FieldDef.bytes("tls.quic.parameter.preferred_address.connectionid", "connectionId");
    static final FieldDef PA_TOKEN = FieldDef.bytes("tls.quic.parameter.preferred_address.statelessresettoken",
            "statelessResetToken");
    static final FieldDef ACTIVE_CID_LIMIT = FieldDef.uint64("tls.quic.parameter.active_connection_id_limit",
            "Active Connection ID Limit");
    static final FieldDef INITIAL_SCID = FieldDef.bytes("tls.quic.parameter.initial_source_connection_id",
            "Initial Source Connection ID");
    static final FieldDef RETRY_SCID = FieldDef.bytes("tls.quic.parameter.retry_source_connection_id",
            "Retry Source Connection ID");

    /** The integer parameters, indexed by ID (null where the value is not an integer). */
    private static final FieldDef[] INTEGERS = new FieldDef[MAX_DATAGRAM_FRAME_SIZE + 1];

    static {
        for (int id : new int[] {MAX_IDLE_TIMEOUT, MAX_UDP_PAYLOAD_SIZE, INITIAL_MAX_DATA,
            INITIAL_MAX_STREAM_DATA_BIDI_LOCAL, INITIAL_MAX_STREAM_DATA_BIDI_REMOTE, INITIAL_MAX_STREAM_DATA_UNI,
            INITIAL_MAX_STREAMS_BIDI, INITIAL_MAX_STREAMS_UNI, ACK_DELAY_EXPONENT, MAX_ACK_DELAY,
            MAX_DATAGRAM_FRAME_SIZE}) {
            String n = NAMES.name(id);
            INTEGERS[id] = FieldDef.uint64("tls.quic.parameter." + n, n);
        }
        INTEGERS[ACTIVE_CONNECTION_ID_LIMIT] = ACTIVE_CID_LIMIT;
    }

    static final List<FieldDef> FIELDS = List.of(PARAMETER, TYPE, LENGTH, VALUE, ODCID,
            INTEGERS[MAX_IDLE_TIMEOUT], RESET_TOKEN, INTEGERS[MAX_UDP_PAYLOAD_SIZE], INTEGERS[INITIAL_MAX_DATA],
            INTEGERS[INITIAL_MAX_STREAM_DATA_BIDI_LOCAL], INTEGERS[INITIAL_MAX_STREAM_DATA_BIDI_REMOTE],
            INTEGERS[INITIAL_MAX_STREAM_DATA_UNI], INTEGERS[INITIAL_MAX_STREAMS_BIDI],
            INTEGERS[INITIAL_MAX_STREAMS_UNI], INTEGERS[ACK_DELAY_EXPONENT], INTEGERS[MAX_ACK_DELAY], PA_IPV4,
            PA_IPV6, PA_IPV4_PORT, PA_IPV6_PORT, PA_CID_LENGTH, PA_CID, PA_TOKEN, ACTIVE_CID_LIMIT, INITIAL_SCID,
            RETRY_SCID, INTEGERS[MAX_DATAGRAM_FRAME_SIZE]);

    /** A parameter's name: RFC 9000's, "GREASE" for the reserved 31 * N + 27 IDs, else "Unknown". */
    static String name(long id) {
        String n = id >= 0 && id <= Integer.MAX_VALUE ? NAMES.name(id) : null;
        if (n != null) {
            return n;
        }
        return id >= 27 && (id - 27) % 31 == 0 ? "GREASE" : "Unknown";
    }

    /** Dissects the parameters in [{@code offset}, {@code end}) under the extension node; returns {@code end}. */
    static int dissect(ProtoItem ext, Tvb tvb, int offset, int end) {
        while (offset < end) {
            int start = offset;
            long id = varint(tvb, offset);
            int idLength = varintLength(tvb, offset);
            offset += idLength;
            long length = varint(tvb, offset);
            int lengthLength = varintLength(tvb, offset);
            offset += lengthLength;
            int n = (int) Math.min(length, end - offset);
            TlsContext.ensure(tvb, offset, (int) Math.min(length, Integer.MAX_VALUE - offset));
            String label = "Parameter: " + name(id) + " (len=" + length + ")";
            ProtoItem p = ext.addText(tvb, start, offset + n - start, label);
            p.addUint(TYPE, tvb, start, idLength, id);
            p.addUint(LENGTH, tvb, start + idLength, lengthLength, length);
            p.add(VALUE, tvb, offset, n);
            FieldDef integer = id >= 0 && id < INTEGERS.length ? INTEGERS[(int) id] : null;
            if (integer != null && n > 0) {
                long v = varint(tvb, offset);
                p.addUint(integer, tvb, offset, varintLength(tvb, offset), v);
                if (id == MAX_IDLE_TIMEOUT) {
                    label += " " + v + " ms";
                } else if (id != ACK_DELAY_EXPONENT) {
                    label += " " + v;
                }
            } else if (id == ORIGINAL_DCID) {
                p.add(ODCID, tvb, offset, n);
            } else if (id == STATELESS_RESET_TOKEN) {
                p.add(RESET_TOKEN, tvb, offset, n);
            } else if (id == INITIAL_SOURCE_CONNECTION_ID) {
                p.add(INITIAL_SCID, tvb, offset, n);
            } else if (id == RETRY_SOURCE_CONNECTION_ID) {
                p.add(RETRY_SCID, tvb, offset, n);
            } else if (id == PREFERRED_ADDRESS) {
                preferredAddress(p, tvb, offset);
            }
            p.setText(label);
            offset += n;
        }
        return end;
    }

    private static void preferredAddress(ProtoItem p, Tvb tvb, int offset) {
        p.add(PA_IPV4, tvb, offset, 4);
        p.add(PA_IPV4_PORT, tvb, offset + 4, 2);
        p.add(PA_IPV6, tvb, offset + 6, 16);
        p.add(PA_IPV6_PORT, tvb, offset + 22, 2);
        int n = tvb.u8(offset + 24);
        p.add(PA_CID_LENGTH, tvb, offset + 24, 1);
        p.add(PA_CID, tvb, offset + 25, n);
        p.add(PA_TOKEN, tvb, offset + 25 + n, 16);
    }

    private static int varintLength(Tvb tvb, int offset) {
        return 1 << (tvb.u8(offset) >> 6);
    }

    private static long varint(Tvb tvb, int offset) {
        int n = varintLength(tvb, offset);
        long v = tvb.uint(offset, n);
        return v & (n == 8 ? 0x3fffffffffffffffL : (1L << (8 * n - 2)) - 1);
    }
}
