package dev.dorsal.dissectors.quic;

import dev.dorsal.engine.spi.ValueString;

/** The names tshark 4.0.17 gives QUIC's code points (RFC 9000 sections 12.4, 17 and 20; RFC 9221). */
final class QuicValues {
    private QuicValues() {}

    static final int VERSION_NEGOTIATION = 0;
    static final int VERSION_1 = 1;
    static final int VERSION_2 = 0x6b3343cf;

    static final ValueString HEADER_FORMS = ValueString.of(0, "Short Header", 1, "Long Header");
    static final ValueString LONG_TYPES = ValueString.of(0, "Initial", 1, "0-RTT", 2, "Handshake", 3, "Retry");
    /** QUIC version 2 (RFC 9369) numbers the long header types differently. */
    static final ValueString LONG_TYPES_V2 = ValueString.of(0, "Retry", 1, "Initial", 2, "0-RTT", 3, "Handshake");
    static final ValueString PN_LENGTHS = ValueString.of(0, "1 bytes", 1, "2 bytes", 2, "3 bytes", 3, "4 bytes");

    static final ValueString VERSIONS;

    static {
        ValueString.Builder b = ValueString.builder().add(VERSION_NEGOTIATION, "Version Negotiation")
                .add(VERSION_1, "1").add(VERSION_2, "2");
        for (int draft = 1; draft <= 34; draft++) {
            b.add(0xff000000L | draft, "draft-" + (draft < 10 ? "0" : "") + draft);
        }
        VERSIONS = b.build();
    }

    static final int PADDING = 0x00;
    static final int PING = 0x01;
    static final int ACK = 0x02;
    static final int ACK_ECN = 0x03;
    static final int RESET_STREAM = 0x04;
    static final int STOP_SENDING = 0x05;
    static final int CRYPTO = 0x06;
    static final int NEW_TOKEN = 0x07;
    static final int STREAM_FIRST = 0x08;
    static final int STREAM_LAST = 0x0f;
    static final int MAX_DATA = 0x10;
    static final int MAX_STREAM_DATA = 0x11;
    static final int MAX_STREAMS_BIDI = 0x12;
    static final int MAX_STREAMS_UNI = 0x13;
    static final int DATA_BLOCKED = 0x14;
    static final int STREAM_DATA_BLOCKED = 0x15;
    static final int STREAMS_BLOCKED_BIDI = 0x16;
    static final int STREAMS_BLOCKED_UNI = 0x17;
    static final int NEW_CONNECTION_ID = 0x18;
    static final int RETIRE_CONNECTION_ID = 0x19;
    static final int PATH_CHALLENGE = 0x1a;
    static final int PATH_RESPONSE = 0x1b;
    static final int CONNECTION_CLOSE = 0x1c;
    static final int CONNECTION_CLOSE_APP = 0x1d;
    static final int HANDSHAKE_DONE = 0x1e;
    static final int DATAGRAM = 0x30;
    static final int DATAGRAM_LENGTH = 0x31;

    static final ValueString FRAME_TYPES = ValueString.builder().add(PADDING, "PADDING").add(PING, "PING")
            .add(ACK, "ACK").add(ACK_ECN, "ACK").add(RESET_STREAM, "RESET_STREAM").add(STOP_SENDING, "STOP_SENDING")
            .add(CRYPTO, "CRYPTO").add(NEW_TOKEN, "NEW_TOKEN").range(STREAM_FIRST, STREAM_LAST, "STREAM")
            .add(MAX_DATA, "MAX_DATA").add(MAX_STREAM_DATA, "MAX_STREAM_DATA").add(MAX_STREAMS_BIDI, "MAX_STREAMS (BIDI)")
            .add(MAX_STREAMS_UNI, "MAX_STREAMS (UNI)").add(DATA_BLOCKED, "DATA_BLOCKED")
            .add(STREAM_DATA_BLOCKED, "STREAM_DATA_BLOCKED").add(STREAMS_BLOCKED_BIDI, "STREAMS_BLOCKED (BIDI)")
            .add(STREAMS_BLOCKED_UNI, "STREAMS_BLOCKED (UNI)").add(NEW_CONNECTION_ID, "NEW_CONNECTION_ID")
            .add(RETIRE_CONNECTION_ID, "RETIRE_CONNECTION_ID").add(PATH_CHALLENGE, "PATH_CHALLENGE")
            .add(PATH_RESPONSE, "PATH_RESPONSE").add(CONNECTION_CLOSE, "CONNECTION_CLOSE (Transport)")
            .add(CONNECTION_CLOSE_APP, "CONNECTION_CLOSE (Application)").add(HANDSHAKE_DONE, "HANDSHAKE_DONE")
            .add(DATAGRAM, "DATAGRAM").add(DATAGRAM_LENGTH, "DATAGRAM").build();

    static final int CRYPTO_ERROR_FIRST = 0x100;
    static final int CRYPTO_ERROR_LAST = 0x1ff;

    static final ValueString TRANSPORT_ERRORS = ValueString.builder().add(0x00, "NO_ERROR").add(0x01, "INTERNAL_ERROR")
            .add(0x02, "CONNECTION_REFUSED").add(0x03, "FLOW_CONTROL_ERROR").add(0x04, "STREAM_ID_ERROR")
            .add(0x05, "STREAM_STATE_ERROR").add(0x06, "FINAL_SIZE_ERROR").add(0x07, "FRAME_ENCODING_ERROR")
            .add(0x08, "TRANSPORT_PARAMETER_ERROR").add(0x09, "CONNECTION_ID_LIMIT_ERROR")
            .add(0x0a, "PROTOCOL_VIOLATION").add(0x0b, "INVALID_TOKEN").add(0x0c, "APPLICATION_ERROR")
            .add(0x0d, "CRYPTO_BUFFER_EXCEEDED").add(0x0e, "KEY_UPDATE_ERROR").add(0x0f, "AEAD_LIMIT_REACHED")
            .add(0x10, "NO_VIABLE_PATH").add(0x11, "VERSION_NEGOTIATION_ERROR").range(CRYPTO_ERROR_FIRST, CRYPTO_ERROR_LAST, "CRYPTO_ERROR").build();

    static final ValueString STREAM_INITIATORS = ValueString.of(0, "Client-initiated", 1, "Server-initiated");
    static final ValueString STREAM_DIRECTIONS = ValueString.of(0, "Bidirectional", 1, "Unidirectional");

    /**
     * Whether a long header's version is one QUIC uses: version negotiation (0), 1, 2 and its draft, the
     * IETF drafts (0xff0000nn), Facebook's mvfst (0xfaceb00n) and the reserved values that force
     * negotiation.
     */
    static boolean isQuicVersion(long version) {
        return version == VERSION_NEGOTIATION || version == VERSION_1 || version == VERSION_2
                || version == 0x709a50c4L || (version & 0xffffff00L) == 0xff000000L
                || (version & 0xfffffff0L) == 0xfaceb000L || forcesNegotiation(version);
    }

    /** Versions of the form 0x?a?a?a?a are reserved to force version negotiation (RFC 9000 section 15). */
    static boolean forcesNegotiation(long version) {
        return (version & 0x0f0f0f0fL) == 0x0a0a0a0aL;
    }
}
