package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Dissects the TLS 1.3 key_share and pre_shared_key extensions (RFC 8446, sections 4.2.8 and 4.2.11):
 * the client's list of key shares and PSK identities with binders, the server's chosen share or
 * identity, and the group a HelloRetryRequest asks for.
 */
final class TlsKeyShares {
    private TlsKeyShares() {}

    static final FieldDef CLIENT_LENGTH = FieldDef.uint16("tls.handshake.extensions_key_share_client_length",
            "Client Key Share Length");
    static final FieldDef GROUP = FieldDef.uint16("tls.handshake.extensions_key_share_group", "Group")
            .vals(TlsValues.GROUPS);
    static final FieldDef KEY_EXCHANGE_LENGTH = FieldDef.uint16("tls.handshake.extensions_key_share_key_exchange_length",
            "Key Exchange Length");
    static final FieldDef KEY_EXCHANGE = FieldDef.bytes("tls.handshake.extensions_key_share_key_exchange",
            "Key Exchange");
    static final FieldDef SELECTED_GROUP = FieldDef.uint16("tls.handshake.extensions_key_share_selected_group",
            "Selected Group").vals(TlsValues.GROUPS);
    static final FieldDef IDENTITIES_LENGTH = FieldDef.uint16("tls.handshake.extensions.psk.identities.length",
            "Identities Length");
    static final FieldDef IDENTITY_LENGTH = FieldDef.uint16("tls.handshake.extensions.psk.identity.identity_length",
            "Identity Length");
    static final FieldDef IDENTITY = FieldDef.bytes("tls.handshake.extensions.psk.identity.identity", "Identity");
    static final FieldDef TICKET_AGE = FieldDef.uint32("tls.handshake.extensions.psk.identity.obfuscated_ticket_age",
            "Obfuscated Ticket Age");
    static final FieldDef BINDERS_LENGTH = FieldDef.uint16("tls.handshake.extensions.psk.binders_len",
            "PSK Binders length");
    static final FieldDef BINDERS = FieldDef.none("tls.handshake.extensions.psk.binders", "PSK Binders");
    static final FieldDef SELECTED_IDENTITY = FieldDef.uint16("tls.handshake.extensions.psk.identity.selected",
            "Selected Identity");

    static final List<FieldDef> FIELDS = List.of(CLIENT_LENGTH, GROUP, KEY_EXCHANGE_LENGTH, KEY_EXCHANGE,
            SELECTED_GROUP, IDENTITIES_LENGTH, IDENTITY_LENGTH, IDENTITY, TICKET_AGE, BINDERS_LENGTH, BINDERS,
            SELECTED_IDENTITY);

    static int keyShare(TlsContext ctx, ProtoItem ext, Tvb tvb, int offset, int end, int message, TlsHelloFacts facts) {
        if (end <= offset) {
            return offset;
        }
        ProtoItem ks = ext.addText(tvb, offset, end - offset, "Key Share extension");
        switch (message) {
            case TlsHandshakeDissector.CLIENT_HELLO -> {
                int n = TlsVectors.length(ks, tvb, offset, end, CLIENT_LENGTH, 0, 0xffff);
                if (n < 0) {
                    return end;
                }
                offset += 2;
                int next = offset + n;
                // group (2) and a key of at least one byte with its length (3)
                while (offset + 4 <= next) {
                    offset = entry(ctx, ks, tvb, offset, next, facts);
                }
                if (!TlsVectors.end(ks, tvb, offset, next)) {
                    return next;
                }
            }
            case TlsHandshakeDissector.SERVER_HELLO -> offset = entry(ctx, ks, tvb, offset, end, facts);
            case TlsHandshakeDissector.HELLO_RETRY_REQUEST -> {
                facts.keyShareGroup = tvb.u16(offset);
                ks.add(SELECTED_GROUP, tvb, offset, 2);
                offset += 2;
            }
            default -> { }
        }
        return offset;
    }

    private static int entry(TlsContext ctx, ProtoItem tree, Tvb tvb, int offset, int end, TlsHelloFacts facts) {
        int group = tvb.u16(offset);
        ProtoItem entry = tree.addText(tvb, offset, 4, "Key Share Entry");
        entry.addUint(GROUP, tvb, offset, 2, group);
        if (facts.keyShareGroup < 0 && !TlsHelloFacts.grease(group)) {
            facts.keyShareGroup = group;
        }
        entry.appendText(": Group: " + TlsValues.GROUPS.nameOr(group, "Unknown (" + group + ")"));
        offset += 2;
        int n = TlsVectors.length(entry, tvb, offset, end, KEY_EXCHANGE_LENGTH, 1, 0xffff);
        if (n < 0) {
            return end;
        }
        offset += 2;
        entry.setLength(4 + n);
        entry.appendText(", Key Exchange length: " + n);
        entry.add(KEY_EXCHANGE, tvb, offset, n);
        return offset + n;
    }

    static int preSharedKey(TlsContext ctx, ProtoItem ext, Tvb tvb, int offset, int end, int message) {
        ProtoItem psk = ext.addText(tvb, offset, end - offset, "Pre-Shared Key extension");
        if (message == TlsHandshakeDissector.CLIENT_HELLO) {
            int n = TlsVectors.length(psk, tvb, offset, end, IDENTITIES_LENGTH, 7, 0xffff);
            if (n < 0) {
                return end;
            }
            offset += 2;
            int identitiesEnd = offset + n;
            while (offset < identitiesEnd) {
                ProtoItem id = psk.addText(tvb, offset, 4, "PSK Identity (");
                int len = TlsVectors.length(id, tvb, offset, identitiesEnd, IDENTITY_LENGTH, 1, 0xffff);
                if (len < 0) {
                    return identitiesEnd;
                }
                offset += 2;
                id.appendText("length: " + len + ")");
                id.add(IDENTITY, tvb, offset, len);
                offset += len;
                id.add(TICKET_AGE, tvb, offset, 4);
                offset += 4;
                id.setLength(2 + len + 4);
            }
            if (!TlsVectors.end(psk, tvb, offset, identitiesEnd)) {
                offset = identitiesEnd;
            }
            int binders = TlsVectors.length(psk, tvb, offset, end, BINDERS_LENGTH, 33, 0xffff);
            if (binders < 0) {
                return end;
            }
            offset += 2;
            psk.add(BINDERS, tvb, offset, binders);
            offset += binders;
        } else if (message == TlsHandshakeDissector.SERVER_HELLO) {
            psk.add(SELECTED_IDENTITY, tvb, offset, 2);
            offset += 2;
        }
        return offset;
    }
}
