package dev.dorsal.dissectors.sip;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;

/**
 * What SIP tells the dissector of its body (SDP): the Call-ID of the message, and the SIP field
 * ({@code sip.call_id_generated}) SDP shows the Call-IDs of a media session under, as tshark does.
 */
public final class SipSetup {
    /** The Call-ID of the SIP message whose body is being dissected; null outside SIP. */
    public static final Key<String> CALL_ID = SipDissector.CALL_ID;
    /** {@code sip.call_id_generated}, owned by SIP. */
    public static final FieldDef CALL_ID_GENERATED = SipFields.CALL_ID_GENERATED;

    private SipSetup() {}
}
