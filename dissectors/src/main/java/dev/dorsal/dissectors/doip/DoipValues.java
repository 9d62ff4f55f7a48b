package dev.dorsal.dissectors.doip;

import dev.dorsal.engine.spi.ValueString;

/** DoIP's value tables (ISO 13400-2), with tshark 4.0.17's labels. */
final class DoipValues {
    static final ValueString VERSIONS = ValueString.of(0x00, "Reserved", 0x01, "DoIP ISO/DIS 13400-2:2010",
            0x02, "DoIP ISO 13400-2:2012", 0x03, "DoIP ISO 13400-2:2019",
            0x04, "DoIP ISO 13400-2:2019 Amd1 (experimental)",
            0xff, "Default value for vehicle identification request messages");
    static final ValueString TYPES = ValueString.of(0x0000, "Generic DoIP header NACK",
            0x0001, "Vehicle identification request", 0x0002, "Vehicle identification request with EID",
            0x0003, "Vehicle identification request with VIN",
            0x0004, "Vehicle announcement message/vehicle identification response message",
            0x0005, "Routing activation request", 0x0006, "Routing activation response",
            0x0007, "Alive check request", 0x0008, "Alive check response", 0x4001, "DoIP entity status request",
            0x4002, "DoIP entity status response", 0x4003, "Diagnostic power mode information request",
            0x4004, "Diagnostic power mode information response", 0x8001, "Diagnostic message",
            0x8002, "Diagnostic message ACK", 0x8003, "Diagnostic message NACK");
    static final ValueString HEADER_NACK = ValueString.of(0x0, "Incorrect pattern format", 0x1, "Unknown payload type",
            0x2, "Message too large", 0x3, "Out of memory", 0x4, "Invalid payload length");
    static final ValueString FURTHER_ACTION = reservedUpTo(0x10, "No further action required",
            "Routing activation required to initiate central security");
    static final ValueString SYNC_STATUS = reservedUpTo(0x10, "VIN and/or GID are synchronized",
            "Incomplete: VIN and GID are NOT synchronized");
    static final ValueString POWER_MODES = ValueString.of(0x0, "not ready", 0x1, "ready", 0x2, "not supported");
    static final ValueString NODE_TYPES = ValueString.of(0x0, "DoIP gateway", 0x1, "DoIp node");
    static final ValueString ACTIVATION_TYPES = ValueString.of(0x00, "Default", 0x01, "WWH-OBD",
            0xe0, "Central security");
    static final ValueString RESPONSE_CODES = responseCodes();
    static final ValueString DIAG_ACK = ValueString.of(0x0, "ACK");
    static final ValueString DIAG_NACK = ValueString.of(0x0, "Reserved by ISO 13400", 0x1, "Reserved by ISO 13400",
            0x2, "Invalid source address", 0x3, "Unknown target address", 0x4, "Diagnostic message too large",
            0x5, "Out of memory", 0x6, "Target unreachable", 0x7, "Unknown network", 0x8, "Transport protocol error");

    private DoipValues() {}

    /** 0 named {@code zero}, 1 to {@code last - 1} reserved by ISO, {@code last} named {@code lastName}. */
    private static ValueString reservedUpTo(int last, String zero, String lastName) {
        ValueString.Builder b = ValueString.builder().add(0, zero);
        for (int i = 1; i < last; i++) {
            b.add(i, "Reserved by ISO 13400");
        }
        return b.add(last, lastName).build();
    }

    private static ValueString responseCodes() {
        ValueString.Builder b = ValueString.builder()
                .add(0x00, "Routing activation denied due to unknown source address.")
                .add(0x01, "Routing activation denied because all concurrently supported TCP_DATA sockets are "
                        + "registered and active.")
                .add(0x02, "Routing activation denied because an SA different from the table connection entry was "
                        + "received on the already activated TCP_DATA socket.")
                .add(0x03, "Routing activation denied because the SA is already registered and active on a "
                        + "different TCP_DATA socket.")
                .add(0x04, "Routing activation denied due to missing authentication.")
                .add(0x05, "Routing activation denied due to rejected confirmation.")
                .add(0x06, "Routing activation denied due to unsupported routing activation type.")
                .add(0x07, "Routing activation denied due to request for encrypted connection via TLS.");
        for (int i = 0x08; i <= 0x0f; i++) {
            b.add(i, "Reserved by ISO 13400.");
        }
        b.add(0x10, "Routing successfully activated.");
        b.add(0x11, "Routing will be activated; confirmation required.");
        return b.build();
    }
}
