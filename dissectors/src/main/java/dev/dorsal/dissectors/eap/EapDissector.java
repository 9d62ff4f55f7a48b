package dev.dorsal.dissectors.eap;

import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the Extensible Authentication Protocol (RFC 3748) as RADIUS hands it over (its EAP-Message
 * attributes joined): code, identifier, length, and for requests and responses the type with the
 * Identity and Notification texts, Legacy Nak's (first) desired type and MD5-Challenge's value; other types
 * show their bytes as {@code eap.data}. Filter prefix {@code eap.}. Not registered for EAPOL or PPP.
 *
 * <pre>
 * | code (8) | identifier (8) | length (16) | type (8, requests and responses) | type data … |
 * </pre>
 */
public final class EapDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Extensible Authentication Protocol", "EAP", "eap");

    static final int REQUEST = 1;
    static final int RESPONSE = 2;
    static final int IDENTITY = 1;
    static final int NOTIFICATION = 2;
    static final int NAK = 3;
    static final int MD5 = 4;

    static final ValueString CODES = ValueString.of(1, "Request", 2, "Response", 3, "Success", 4, "Failure",
            5, "Initiate", 6, "Finish");
    static final ValueString TYPES = ValueString.builder()
            .add(1, "Identity")
            .add(2, "Notification")
            .add(3, "Legacy Nak (Response Only)")
            .add(4, "MD5-Challenge EAP (EAP-MD5-CHALLENGE)")
            .add(5, "One-Time Password EAP (EAP-OTP)")
            .add(6, "Generic Token Card EAP (EAP-GTC)")
            .add(7, "Allocated")
            .add(8, "Allocated")
            .add(9, "RSA Public Key Authentication EAP (EAP-RSA-PKA)")
            .add(10, "DSS Unilateral EAP (EAP-DSS)")
            .add(11, "KEA EAP (EAP-KEA)")
            .add(12, "KEA Validate EAP (EAP-KEA-VALIDATE)")
            .add(13, "TLS EAP (EAP-TLS)")
            .add(14, "Defender Token EAP (EAP-AXENT)")
            .add(15, "RSA Security SecurID EAP (EAP-RSA-SECURID)")
            .add(16, "Arcot Systems EAP (EAP-ARCOT-SYSTEMS)")
            .add(17, "Cisco Wireless EAP / Lightweight EAP (EAP-LEAP)")
            .add(18, "GSM Subscriber Identity Modules EAP (EAP-SIM)")
            .add(19, "Secure Remote Password SHA1 Part 1 EAP (EAP-SRP-SHA1-PART1)")
            .add(20, "Secure Remote Password SHA1 Part 2 EAP (EAP-SRP-SHA1-PART2)")
            .add(21, "Tunneled TLS EAP (EAP-TTLS)")
            .add(22, "Remote Access Service EAP (EAP-RAS)")
            .add(23, "UMTS Authentication and Key Agreement EAP (EAP-AKA)")
            .add(24, "3Com Wireless EAP (EAP-3COM-WIRELESS)")
            .add(25, "Protected EAP (EAP-PEAP)")
            .add(26, "MS-Authentication EAP (EAP-MS-AUTH)")
            .add(27, "Mutual Authentication w/Key Exchange EAP (EAP-MAKE)")
            .add(28, "CRYPTOCard EAP (EAP-CRYPTOCARD)")
            .add(29, "MS-CHAP-v2 EAP (EAP-MS-CHAP-V2)")
            .add(30, "DynamID EAP (EAP-DYNAMID)")
            .add(31, "Rob EAP (EAP-ROB)")
            .add(32, "Protected One-Time Password EAP (EAP-POTP)")
            .add(33, "MS-Authentication TLV EAP (EAP-MS-AUTH-TLV)")
            .add(34, "SentriNET (EAP-SENTRINET)")
            .add(35, "Actiontec Wireless EAP (EAP-ACTIONTEC-WIRELESS)")
            .add(36, "Cogent Systems Biometrics Authentication EAP (EAP-COGENT-BIOMETRIC)")
            .add(37, "AirFortress EAP (EAP-AIRFORTRESS)")
            .add(38, "HTTP Digest EAP (EAP-HTTP-DIGEST)")
            .add(39, "SecureSuite EAP (EAP-SECURESUITE)")
            .add(40, "DeviceConnect EAP (EAP-DEVICECONNECT)")
            .add(41, "Simple Password Exponential Key Exchange EAP (EAP-SPEKE)")
            .add(42, "MOBAC EAP (EAP-MOBAC)")
            .add(43, "Flexible Authentication via Secure Tunneling EAP (EAP-FAST)")
            .add(44, "ZoneLabs EAP (EAP-ZLXEAP)")
            .add(45, "Link EAP (EAP-LINK)")
            .add(46, "Password Authenticated eXchange EAP (EAP-PAX)")
            .add(47, "Pre-Shared Key EAP (EAP-PSK)")
            .add(48, "Shared-secret Authentication and Key Establishment EAP (EAP-SAKE)")
            .add(49, "Internet Key Exchange v2 EAP (EAP-IKEv2)")
            .add(50, "UMTS Authentication and Key Agreement' EAP (EAP-AKA')")
            .add(51, "Generalized Pre-Shared Key EAP (EAP-GPSK)")
            .add(52, "Password EAP (EAP-pwd)")
            .add(53, "Encrypted Key Exchange v1 EAP (EAP-EKEv1)")
            .add(55, "Tunneled EAP protocol")
            .add(254, "Expanded Type")
            .add(255, "Experimental")
            .build();

    static final FieldDef CODE = FieldDef.uint8("eap.code", "Code").vals(CODES);
    static final FieldDef ID = FieldDef.uint8("eap.id", "Id");
    static final FieldDef LEN = FieldDef.uint16("eap.len", "Length");
    static final FieldDef TYPE = FieldDef.uint8("eap.type", "Type").vals(TYPES);
    static final FieldDef DESIRED_TYPE = FieldDef.uint8("eap.desired_type", "Desired Auth Type").vals(TYPES);
    static final FieldDef IDENTITY_FIELD = FieldDef.string("eap.identity", "Identity");
    static final FieldDef NOTIFICATION_FIELD = FieldDef.string("eap.notification", "Notification");
    static final FieldDef MD5_VALUE_SIZE = FieldDef.uint8("eap.md5.value_size", "EAP-MD5 Value-Size");
    static final FieldDef MD5_VALUE = FieldDef.bytes("eap.md5.value", "EAP-MD5 Value");
    static final FieldDef MD5_EXTRA = FieldDef.bytes("eap.md5.extra_data", "EAP-MD5 Extra Data");
    static final FieldDef DATA = FieldDef.bytes("eap.data", "EAP Data");
    static final List<FieldDef> FIELDS = List.of(CODE, ID, LEN, TYPE, DESIRED_TYPE, IDENTITY_FIELD,
            NOTIFICATION_FIELD, MD5_VALUE_SIZE, MD5_VALUE, MD5_EXTRA, DATA);

    static final ExpertDef MITM = new ExpertDef("eap.mitm_attacks",
            "Vulnerable to MITM attacks. If possible, change EAP type.", ExpertDef.Group.SECURITY,
            ExpertDef.Severity.WARN);

    @Override
    public String name() {
        return "eap";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(MITM));
        r.handle("eap", PROTO, EapDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        // Reached through RADIUS's EAP-Message attributes only (tshark also registers it for EAPOL and PPP).
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int code = tvb.u8(0);
        int length = tvb.u16(2);
        ProtoItem eap = tree.addProtocol(PROTO, tvb, 0, Math.min(length, tvb.length()));
        eap.add(CODE, tvb, 0, 1);
        eap.add(ID, tvb, 1, 1);
        eap.add(LEN, tvb, 2, 2);
        if (code != REQUEST && code != RESPONSE || length < 5) {
            return tvb.length();
        }
        int type = tvb.u8(4);
        ProtoItem typeItem = eap.add(TYPE, tvb, 4, 1);
        int off = 5;
        int n = length - off;
        switch (type) {
            case IDENTITY -> text(eap, IDENTITY_FIELD, tvb, off, n);
            case NOTIFICATION -> text(eap, NOTIFICATION_FIELD, tvb, off, n);
            case NAK -> eap.add(DESIRED_TYPE, tvb, off, 1); // tshark shows the first desired type only
            case MD5 -> {
                if (typeItem != eap) {
                    typeItem.expert(MITM);
                }
                int size = tvb.u8(off);
                eap.add(MD5_VALUE_SIZE, tvb, off, 1);
                eap.add(MD5_VALUE, tvb, off + 1, size);
                int extra = n - 1 - size;
                if (extra > 0) {
                    eap.add(MD5_EXTRA, tvb, off + 1 + size, extra);
                }
            }
            default -> {
                if (n > 0) {
                    eap.add(DATA, tvb, off, n);
                }
            }
        }
        return tvb.length();
    }

    /** A text item: the value as UTF-8, the label escaped as tshark's format_text does. */
    private static void text(ProtoItem eap, FieldDef field, Tvb tvb, int off, int n) {
        byte[] b = tvb.bytes(off, n);
        ProtoItem item = eap.addString(field, tvb, off, n, new String(b, StandardCharsets.UTF_8));
        if (item != eap && item.tree().detailed()) {
            item.setText(field.name() + ": " + FormatText.format(b, 0, b.length));
        }
    }
}
