package dev.dorsal.dissectors.sdp;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import java.util.List;

/** The SDP fields tshark 4.0.17 shows for the line types Dorsal decodes. */
final class SdpFields {
    static final FieldDef VERSION = FieldDef.string("sdp.version", "Session Description Protocol Version (v)");
    static final FieldDef OWNER = FieldDef.string("sdp.owner", "Owner/Creator, Session Id (o)");
    static final FieldDef SESSION_NAME = FieldDef.string("sdp.session_name", "Session Name (s)");
    static final FieldDef SESSION_INFO = FieldDef.string("sdp.session_info", "Session Information (i)");
    static final FieldDef URI = FieldDef.string("sdp.uri", "URI of Description (u)");
    static final FieldDef EMAIL = FieldDef.string("sdp.email", "E-mail Address (e)");
    static final FieldDef PHONE = FieldDef.string("sdp.phone", "Phone Number (p)");
    static final FieldDef CONNECTION_INFO = FieldDef.string("sdp.connection_info", "Connection Information (c)");
    static final FieldDef BANDWIDTH = FieldDef.string("sdp.bandwidth", "Bandwidth Information (b)");
    static final FieldDef TIMEZONE = FieldDef.string("sdp.timezone", "Time Zone Adjustments (z)");
    static final FieldDef ENCRYPTION_KEY = FieldDef.string("sdp.encryption_key", "Encryption Key (k)");
    static final FieldDef SESSION_ATTR = FieldDef.string("sdp.session_attr", "Session Attribute (a)");
    static final FieldDef MEDIA_ATTR = FieldDef.string("sdp.media_attr", "Media Attribute (a)");
    static final FieldDef TIME = FieldDef.string("sdp.time", "Time Description, active time (t)");
    static final FieldDef REPEAT_TIME = FieldDef.string("sdp.repeat_time", "Repeat Time (r)");
    static final FieldDef MEDIA = FieldDef.string("sdp.media", "Media Description, name and address (m)");
    static final FieldDef MEDIA_TITLE = FieldDef.string("sdp.media_title", "Media Title (i)");
    static final FieldDef UNKNOWN = FieldDef.string("sdp.unknown", "Unknown");
    static final FieldDef INVALID = FieldDef.string("sdp.invalid", "Invalid line");
    static final ExpertDef INVALID_NO_EQUAL = new ExpertDef("sdp.invalid_line.no_equal",
            "Invalid SDP line (no '=' delimiter)", ExpertDef.Group.MALFORMED, ExpertDef.Severity.NOTE);

    static final FieldDef OWNER_USERNAME = FieldDef.string("sdp.owner.username", "Owner Username");
    static final FieldDef OWNER_SESSIONID = FieldDef.string("sdp.owner.sessionid", "Session ID");
    static final FieldDef OWNER_VERSION = FieldDef.string("sdp.owner.version", "Session Version");
    static final FieldDef OWNER_NETWORK_TYPE = FieldDef.string("sdp.owner.network_type", "Owner Network Type");
    static final FieldDef OWNER_ADDRESS_TYPE = FieldDef.string("sdp.owner.address_type", "Owner Address Type");
    static final FieldDef OWNER_ADDRESS = FieldDef.string("sdp.owner.address", "Owner Address");
    static final FieldDef CONNECTION_NETWORK_TYPE = FieldDef.string("sdp.connection_info.network_type",
            "Connection Network Type");
    static final FieldDef CONNECTION_ADDRESS_TYPE = FieldDef.string("sdp.connection_info.address_type",
            "Connection Address Type");
    static final FieldDef CONNECTION_ADDRESS = FieldDef.string("sdp.connection_info.address", "Connection Address");
    static final FieldDef CONNECTION_TTL = FieldDef.string("sdp.connection_info.ttl", "Connection TTL");
    static final FieldDef CONNECTION_NUM_ADDR = FieldDef.string("sdp.connection_info.num_addr",
            "Connection Number of Addresses");
    static final FieldDef BANDWIDTH_MODIFIER = FieldDef.string("sdp.bandwidth.modifier", "Bandwidth Modifier");
    static final FieldDef BANDWIDTH_VALUE = FieldDef.string("sdp.bandwidth.value", "Bandwidth Value");
    static final FieldDef TIME_START = FieldDef.string("sdp.time.start", "Session Start Time");
    static final FieldDef TIME_STOP = FieldDef.string("sdp.time.stop", "Session Stop Time");
    static final FieldDef REPEAT_INTERVAL = FieldDef.string("sdp.repeat_time.interval", "Repeat Interval");
    static final FieldDef REPEAT_DURATION = FieldDef.string("sdp.repeat_time.duration", "Repeat Duration");
    static final FieldDef REPEAT_OFFSET = FieldDef.string("sdp.repeat_time.offset", "Repeat Offset");
    static final FieldDef TIMEZONE_TIME = FieldDef.string("sdp.timezone.time", "Timezone Time");
    static final FieldDef TIMEZONE_OFFSET = FieldDef.string("sdp.timezone.offset", "Timezone Offset");
    static final FieldDef KEY_TYPE = FieldDef.string("sdp.encryption_key.type", "Key Type");
    static final FieldDef KEY_DATA = FieldDef.string("sdp.encryption_key.data", "Key Data");
    static final FieldDef SESSION_ATTR_FIELD = FieldDef.string("sdp.session_attr.field", "Session Attribute Fieldname");
    static final FieldDef SESSION_ATTR_VALUE = FieldDef.string("sdp.session_attr.value", "Session Attribute Value");
    static final FieldDef MEDIA_MEDIA = FieldDef.string("sdp.media.media", "Media Type");
    static final FieldDef MEDIA_PORT = FieldDef.uint16("sdp.media.port", "Media Port");
    static final FieldDef MEDIA_PORT_STRING = FieldDef.string("sdp.media.port_string", "Media Port");
    static final FieldDef MEDIA_PORTCOUNT = FieldDef.string("sdp.media.portcount", "Media Port Count");
    static final FieldDef MEDIA_PROTO = FieldDef.string("sdp.media.proto", "Media Protocol");
    static final FieldDef MEDIA_FORMAT = FieldDef.string("sdp.media.format", "Media Format");
    static final FieldDef MEDIA_ATTR_FIELD = FieldDef.string("sdp.media_attribute.field", "Media Attribute Fieldname");
    static final FieldDef MEDIA_ATTR_VALUE = FieldDef.string("sdp.media_attribute.value", "Media Attribute Value");
    static final FieldDef MIME_TYPE = FieldDef.string("sdp.mime.type", "MIME Type");
    static final FieldDef SAMPLE_RATE = FieldDef.string("sdp.sample_rate", "Sample Rate");
    static final FieldDef FMTP_PARAMETER = FieldDef.string("sdp.fmtp.parameter", "Media format specific parameters");

    static final List<FieldDef> FIELDS = List.of(VERSION, OWNER, SESSION_NAME, SESSION_INFO, URI, EMAIL, PHONE,
            CONNECTION_INFO, BANDWIDTH, TIMEZONE, ENCRYPTION_KEY, SESSION_ATTR, MEDIA_ATTR, TIME, REPEAT_TIME, MEDIA,
            MEDIA_TITLE, UNKNOWN, INVALID, OWNER_USERNAME, OWNER_SESSIONID, OWNER_VERSION, OWNER_NETWORK_TYPE,
            OWNER_ADDRESS_TYPE, OWNER_ADDRESS, CONNECTION_NETWORK_TYPE, CONNECTION_ADDRESS_TYPE, CONNECTION_ADDRESS,
            CONNECTION_TTL, CONNECTION_NUM_ADDR, BANDWIDTH_MODIFIER, BANDWIDTH_VALUE, TIME_START, TIME_STOP,
            REPEAT_INTERVAL, REPEAT_DURATION, REPEAT_OFFSET, TIMEZONE_TIME, TIMEZONE_OFFSET, KEY_TYPE, KEY_DATA,
            SESSION_ATTR_FIELD, SESSION_ATTR_VALUE, MEDIA_MEDIA, MEDIA_PORT, MEDIA_PORT_STRING, MEDIA_PORTCOUNT,
            MEDIA_PROTO, MEDIA_FORMAT, MEDIA_ATTR_FIELD, MEDIA_ATTR_VALUE, MIME_TYPE, SAMPLE_RATE, FMTP_PARAMETER);

    private SdpFields() {}
}
