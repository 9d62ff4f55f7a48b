package dev.dorsal.engine.spi;

/** A named, callable dissector for a protocol (Wireshark's dissector_handle_t). */
public record DissectorHandle(String name, ProtocolDef protocol, Dissector dissector) {
    @Override
    public String toString() {
        return name;
    }
}
