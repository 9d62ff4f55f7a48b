package dev.dorsal.dissectors.ipsec;

import dev.dorsal.dissectors.ip.Ipv4Dissector;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.Preference;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;
import java.util.Locale;

/**
 * Reads the IP Encapsulating Security Payload header (RFC 4303, IP protocol 50) as tshark shows it
 * without keys: the SPI and the sequence number; the encrypted rest is not shown, as tshark's default
 * (no attempt to find a clear payload) leaves it. Sequence numbers are checked per SPI as tshark does
 * by default ({@link EspSequence}; preference {@code esp.do_esp_sequence_analysis}). Filter prefix {@code esp.}.
 *
 * <pre>
 * | SPI (32) | sequence number (32) | payload, padding, pad length, next header, ICV … |
 * </pre>
 */
public final class EspDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Encapsulating Security Payload", "ESP", "esp");
    static final String HANDLE = "esp";
    static final int IP_PROTO = 50;

    static final FieldDef SPI = FieldDef.uint32("esp.spi", "ESP SPI").hexDec()
            .blurb("IP Encapsulating Security Payload Security Parameters Index");
    static final FieldDef SEQUENCE = FieldDef.uint32("esp.sequence", "ESP Sequence")
            .blurb("IP Encapsulating Security Payload Sequence Number");
    static final FieldDef EXPECTED_SN = FieldDef.uint32("esp.sequence-analysis.expected-sn", "Expected SN");
    static final FieldDef PREVIOUS_FRAME = FieldDef.framenum("esp.sequence-analysis.previous-frame",
            "Previous Frame");


    // Fields tshark fills only with keys or with its (default off) heuristics for clear payloads:
    // declared so that filters and the glossary name them, never shown (docs/compat.md, ESP).
    static final FieldDef PAD = FieldDef.bytes("esp.pad", "Pad");
    static final FieldDef PAD_LEN = FieldDef.uint8("esp.pad_len", "ESP Pad Length")
            .blurb("IP Encapsulating Security Payload Pad Length");
    static final FieldDef PROTOCOL = FieldDef.uint8("esp.protocol", "ESP Next Header").hex()
            .blurb("IP Encapsulating Security Payload Next Header");
    static final FieldDef IV = FieldDef.bytes("esp.iv", "ESP IV")
            .blurb("IP Encapsulating Security Payload Initialization Vector");
    static final FieldDef ENCRYPTED_DATA = FieldDef.bytes("esp.encrypted_data", "ESP Encrypted Data")
            .blurb("IP Encapsulating Security Payload Encrypted Data");
    static final FieldDef DECRYPTED_DATA = FieldDef.bytes("esp.decrypted_data", "ESP Decrypted Data")
            .blurb("IP Encapsulating Security Payload Decrypted Data");
    static final FieldDef CONTAINED_DATA = FieldDef.bytes("esp.contained_data", "ESP Contained Data")
            .blurb("IP Encapsulating Security Payload Contained Data");
    static final FieldDef ICV = FieldDef.bytes("esp.icv", "ESP ICV")
            .blurb("IP Encapsulating Security Payload Integrity Check Value");
    static final FieldDef ICV_GOOD = FieldDef.bool("esp.icv_good", "Good")
            .blurb("True: ICV matches packet content; False: doesn't match content or not checked");
    static final FieldDef ICV_BAD = FieldDef.bool("esp.icv_bad", "Bad")
            .blurb("True: ICV doesn't match packet content; False: matches content or not checked");

    static final List<FieldDef> FIELDS = List.of(SPI, SEQUENCE, PAD, PAD_LEN, PROTOCOL, IV, ENCRYPTED_DATA,
            DECRYPTED_DATA, CONTAINED_DATA, ICV, ICV_GOOD, ICV_BAD, EXPECTED_SN, PREVIOUS_FRAME);

    static final ExpertDef WRONG_SEQUENCE = new ExpertDef("esp.sequence-analysis.wrong-sequence-number",
            "Wrong Sequence Number", ExpertDef.Group.SEQUENCE, ExpertDef.Severity.WARN);

    private Preference sequenceAnalysis;

    @Override
    public String name() {
        return "esp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(WRONG_SEQUENCE));
        r.handle(HANDLE, PROTO, this::dissect);
        sequenceAnalysis = r.preference(PROTO, "do_esp_sequence_analysis", "Check sequence numbers of ESP frames",
                "TRUE");
    }

    @Override
    public void handoff(Tables t) {
        t.table(Ipv4Dissector.PROTO_TABLE).add(IP_PROTO, t.handle(HANDLE));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("ESP");
        cols.clearInfo();
        ProtoItem esp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        esp.add(SPI, tvb, 0, 4);
        esp.add(SEQUENCE, tvb, 4, 4);
        long spi = tvb.u32(0) & 0xffffffffL;
        long sequence = tvb.u32(4) & 0xffffffffL;
        if (cols.enabled()) {
            cols.setInfo(String.format(Locale.ROOT, "ESP (SPI=0x%08x)", spi));
        }
        if (!sequenceAnalysis.boolValue()) {
            return tvb.length();
        }
        EspSequence.Verdict v = EspSequence.check(pinfo, spi, sequence);
        if (v != null) {
            show(esp, tvb, spi, sequence, v);
        }
        return tvb.length();
    }

    private static void show(ProtoItem esp, Tvb tvb, long spi, long sequence, EspSequence.Verdict v) {
        ProtoItem exp = esp.addUint(EXPECTED_SN, tvb, 0, 0, v.expected());
        if (exp != esp) {
            exp.setGenerated();
            if (sequence > v.expected() && exp.tree().detailed()) {
                exp.appendText(" (" + (sequence - v.expected()) + " SNs missing)");
            }
        }
        exp.expert(WRONG_SEQUENCE, String.format(Locale.ROOT, "Wrong Sequence Number for SPI %08x - %s", spi,
                EspSequence.problem(sequence, v.expected())));
        ProtoItem prev = esp.addUint(PREVIOUS_FRAME, tvb, 0, 0, v.previousFrame());
        if (prev != esp) {
            prev.setGenerated();
        }
    }
}
