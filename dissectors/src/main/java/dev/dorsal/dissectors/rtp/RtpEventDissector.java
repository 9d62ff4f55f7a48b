package dev.dorsal.dissectors.rtp;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads an RTP telephone-event payload (RFC 4733, formerly RFC 2833; filter prefix {@code rtpevent}):
 * event, end bit, volume and duration. Info is {@code Payload type=RTP Event, <event>[ (end)]}.
 */
final class RtpEventDissector {
    static final ProtocolDef PROTO = new ProtocolDef("RFC 2833 RTP Event", "RTP EVENT", "rtpevent");

    static final FieldDef EVENT_ID = FieldDef.uint8("rtpevent.event_id", "Event ID").vals(RtpEventNames.EVENTS);
    static final FieldDef END_OF_EVENT = FieldDef.bool("rtpevent.end_of_event", "End of Event", 8, 0x80).tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef RESERVED = FieldDef.bool("rtpevent.reserved", "Reserved", 8, 0x40).tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef VOLUME = FieldDef.uint8("rtpevent.volume", "Volume").mask(0x3f);
    static final FieldDef DURATION = FieldDef.uint16("rtpevent.duration", "Event Duration");

    static final List<FieldDef> FIELDS = List.of(EVENT_ID, END_OF_EVENT, RESERVED, VOLUME, DURATION);

    private RtpEventDissector() {}

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int event = tvb.u8(0);
        boolean end = (tvb.u8(1) & 0x80) != 0;
        pinfo.columns().setProtocol(PROTO.shortName());
        pinfo.columns().setInfo("Payload type=RTP Event, " + RtpEventNames.EVENTS.nameOr(event, "Unknown (" + event + ")")
                + (end ? " (end)" : ""));
        ProtoItem ev = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        ev.add(EVENT_ID, tvb, 0, 1);
        ev.add(END_OF_EVENT, tvb, 1, 1);
        ev.add(RESERVED, tvb, 1, 1);
        ev.add(VOLUME, tvb, 1, 1);
        ev.add(DURATION, tvb, 2, 2);
        return tvb.length();
    }
}
