package dev.dorsal.dissectors.imf;

import dev.dorsal.engine.spi.FieldDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IMF's fields with tshark 4.0.17's names, and its table of known header fields: which field each
 * header name (matched without regard to case) fills, how its value is split (address lists, mailbox
 * lists, a single mailbox, the content type) and whether it goes to Info.
 */
final class ImfFields {
    private ImfFields() {}

    /** How a known header's value is split below its item. */
    enum Kind { TEXT, MAILBOX, MAILBOX_LIST, ADDRESS_LIST, CONTENT_TYPE, TRANSFER_ENCODING }

    /** A known header: its field, how its value is split, and whether tshark appends it to Info. */
    record Header(FieldDef field, Kind kind, boolean info) {
        /** The header's name as Info shows it (lower case, as tshark's table holds it). */
        String key() {
            return field.name().toLowerCase(Locale.ROOT);
        }
    }

    static final FieldDef EXTENSION = FieldDef.string("imf.extension", "Unknown-Extension");
    static final FieldDef EXTENSION_TYPE = FieldDef.string("imf.extension.type", "Type");
    static final FieldDef EXTENSION_VALUE = FieldDef.string("imf.extension.value", "Value");
    static final FieldDef DISPLAY_NAME = FieldDef.string("imf.display_name", "Display-Name");
    static final FieldDef ADDRESS = FieldDef.string("imf.address", "Address");
    static final FieldDef ADDRESS_LIST_ITEM = FieldDef.string("imf.address_list.item", "Item");
    static final FieldDef MAILBOX_LIST_ITEM = FieldDef.string("imf.mailbox_list.item", "Item");
    static final FieldDef CONTENT_TYPE_TYPE = FieldDef.string("imf.content.type.type", "Type");
    static final FieldDef CONTENT_TYPE_PARAMETERS = FieldDef.string("imf.content.type.parameters", "Parameters");
    static final FieldDef MESSAGE_TEXT = FieldDef.none("imf.message_text", "Message-Text");

    /** The known headers in tshark's order: abbreviation suffix, name, kind, whether Info shows it. */
    private static final Object[][] KNOWN = {
        {"date", "Date", Kind.TEXT, false, "DateTime"},
        {"from", "From", Kind.MAILBOX_LIST, true, "MailboxList"},
        {"sender", "Sender", Kind.MAILBOX, false, null},
        {"reply_to", "Reply-To", Kind.ADDRESS_LIST, false, null},
        {"to", "To", Kind.ADDRESS_LIST, false, null},
        {"cc", "Cc", Kind.ADDRESS_LIST, false, null},
        {"bcc", "Bcc", Kind.ADDRESS_LIST, false, null},
        {"message_id", "Message-ID", Kind.TEXT, false, null},
        {"in_reply_to", "In-Reply-To", Kind.TEXT, false, null},
        {"references", "References", Kind.TEXT, false, null},
        {"subject", "Subject", Kind.TEXT, true, null},
        {"comments", "Comments", Kind.TEXT, false, null},
        {"user_agent", "User-Agent", Kind.TEXT, false, null},
        {"keywords", "Keywords", Kind.TEXT, false, null},
        {"resent.date", "Resent-Date", Kind.TEXT, false, null},
        {"resent.from", "Resent-From", Kind.MAILBOX_LIST, false, null},
        {"resent.sender", "Resent-Sender", Kind.MAILBOX, false, null},
        {"resent.to", "Resent-To", Kind.ADDRESS_LIST, false, null},
        {"resent.cc", "Resent-Cc", Kind.ADDRESS_LIST, false, null},
        {"resent.bcc", "Resent-Bcc", Kind.ADDRESS_LIST, false, null},
        {"resent.message_id", "Resent-Message-ID", Kind.TEXT, false, null},
        {"return_path", "Return-Path", Kind.TEXT, false, null},
        {"received", "Received", Kind.TEXT, false, null},
        {"content.type", "Content-Type", Kind.CONTENT_TYPE, false, null},
        {"content.description", "Content-Description", Kind.TEXT, false, null},
        {"content.id", "Content-ID", Kind.TEXT, false, null},
        {"content.transfer_encoding", "Content-Transfer-Encoding", Kind.TRANSFER_ENCODING, false, null},
        {"mime_version", "MIME-Version", Kind.TEXT, false, null},
        {"autoforwarded", "Autoforwarded", Kind.TEXT, false, null},
        {"autosubmitted", "Autosubmitted", Kind.TEXT, false, null},
        {"x400_content_identifier", "X400-Content-Identifier", Kind.TEXT, false, null},
        {"content_language", "Content-Language", Kind.TEXT, false, null},
        {"conversion", "Conversion", Kind.TEXT, false, null},
        {"conversion_with_loss", "Conversion-With-Loss", Kind.TEXT, false, null},
        {"delivery_date", "Delivery-Date", Kind.TEXT, false, null},
        {"discarded_x400_ipms_extensions", "Discarded-X400-IPMS-Extensions", Kind.TEXT, false, null},
        {"discarded_x400_mts_extensions", "Discarded-X400-MTS-Extensions", Kind.TEXT, false, null},
        {"dl_expansion_history", "DL-Expansion-History", Kind.TEXT, false, null},
        {"deferred_delivery", "Deferred-Delivery", Kind.TEXT, false, null},
        {"expires", "Expires", Kind.TEXT, false, null},
        {"importance", "Importance", Kind.TEXT, false, null},
        {"incomplete_copy", "Incomplete-Copy", Kind.TEXT, false, null},
        {"latest_delivery_time", "Latest-Delivery-Time", Kind.TEXT, false, null},
        {"message_type", "Message-Type", Kind.TEXT, false, null},
        {"original_encoded_information_types", "Original-Encoded-Information-Types", Kind.TEXT, false, null},
        {"originator_return_address", "Originator-Return-Address", Kind.TEXT, false, null},
        {"priority", "Priority", Kind.TEXT, false, null},
        {"reply_by", "Reply-By", Kind.TEXT, false, null},
        {"sensitivity", "Sensitivity", Kind.TEXT, false, null},
        {"supersedes", "Supersedes", Kind.TEXT, false, null},
        {"x400_content_type", "X400-Content-Type", Kind.TEXT, false, null},
        {"x400_mts_identifier", "X400-MTS-Identifier", Kind.TEXT, false, null},
        {"x400_originator", "X400-Originator", Kind.TEXT, false, null},
        {"x400_received", "X400-Received", Kind.TEXT, false, null},
        {"x400_recipients", "X400-Recipients", Kind.TEXT, false, null},
        {"delivered_to", "Delivered-To", Kind.MAILBOX, false, null},
        {"ext.mailer", "X-Mailer", Kind.TEXT, false, null},
        {"ext.mimeole", "X-MimeOLE", Kind.TEXT, false, null},
        {"ext.expiry-date", "Expiry-Date", Kind.TEXT, false, null},
        {"ext.tnef-correlator", "X-MS-TNEF-Correlator", Kind.TEXT, false, null},
        {"ext.uidl", "X-UIDL", Kind.TEXT, false, null},
        {"ext.authentication_warning", "X-Authentication-Warning", Kind.TEXT, false, null},
        {"ext.virus_scanned", "X-Virus-Scanned", Kind.TEXT, false, null},
        {"ext.original-to", "X-Original-To", Kind.ADDRESS_LIST, false, null},
        {"thread-index", "Thread-Index", Kind.TEXT, false, null},
        {"lines", "Lines", Kind.TEXT, false, null},
        {"precedence", "Precedence", Kind.TEXT, false, null},
    };

    /** Header name in lower case to its entry. */
    static final Map<String, Header> HEADERS = new HashMap<>();
    static final List<FieldDef> FIELDS = new ArrayList<>();

    static {
        for (Object[] k : KNOWN) {
            FieldDef f = FieldDef.string("imf." + k[0], (String) k[1]);
            if (k[4] != null) {
                f = f.blurb((String) k[4]);
            }
            Header h = new Header(f, (Kind) k[2], (Boolean) k[3]);
            HEADERS.put(h.key(), h);
            FIELDS.add(f);
        }
        FIELDS.addAll(List.of(EXTENSION, EXTENSION_TYPE, EXTENSION_VALUE, DISPLAY_NAME, ADDRESS, ADDRESS_LIST_ITEM,
                MAILBOX_LIST_ITEM, CONTENT_TYPE_TYPE, CONTENT_TYPE_PARAMETERS, MESSAGE_TEXT));
    }
}
