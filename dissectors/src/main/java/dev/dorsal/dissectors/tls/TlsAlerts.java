package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Dissects an alert record: a level and a description byte (RFC 8446, section 6). Anything but two
 * bytes is taken for an encrypted alert, since alerts are never fragmented.
 *
 * <pre>
 * +--------+-------------+
 * | level  | description |
 * +--------+-------------+
 * </pre>
 */
final class TlsAlerts {
    private TlsAlerts() {}

    static final FieldDef MESSAGE = FieldDef.none("tls.alert_message", "Alert Message");
    static final FieldDef LEVEL = FieldDef.uint8("tls.alert_message.level", "Level").vals(TlsValues.ALERT_LEVELS);
    static final FieldDef DESCRIPTION = FieldDef.uint8("tls.alert_message.desc", "Description")
            .vals(TlsValues.ALERT_DESCRIPTIONS);

    static final List<FieldDef> FIELDS = List.of(MESSAGE, LEVEL, DESCRIPTION);

    static void dissect(TlsContext ctx, ProtoItem record, Tvb tvb, int offset, int length) {
        ProtoItem alert = record.add(MESSAGE, tvb, offset, length);
        String version = TlsRecordDissector.shortName(ctx.session.version, "TLS");
        if (length != 2) {
            ctx.appendInfo("Encrypted Alert");
            if (ctx.detailed) {
                record.setText(version + " Record Layer: Encrypted Alert");
                alert.setText("Alert Message: Encrypted Alert");
            }
            return;
        }
        int level = tvb.u8(offset);
        int desc = tvb.u8(offset + 1);
        // Alerts are rare: the text is built even for the ladder when no column is shown.
        String text = "Alert (Level: " + TlsValues.ALERT_LEVELS.nameOr(level, "Unknown") + ", Description: "
                + TlsValues.ALERT_DESCRIPTIONS.nameOr(desc, "Unknown") + ")";
        ctx.appendInfo(text);
        record.setText(version + " Record Layer: " + text);
        alert.add(LEVEL, tvb, offset, 1);
        alert.add(DESCRIPTION, tvb, offset + 1, 1);
    }
}
