package dev.dorsal.dissectors.rtp;

import dev.dorsal.engine.spi.ValueString;

/**
 * RTP payload type names (RFC 3551 and IANA) as tshark 4.0.17 shows them for an SDP media format
 * (read from {@code tshark -G values}); 96-127 are "DynamicRTP-Type-N".
 */
public final class RtpPayloadTypes {
    static final ValueString NAMES = ValueString.of(
            0, "ITU-T G.711 PCMU", 1, "USA Federal Standard FS-1016", 2, "ITU-T G.721", 3, "GSM 06.10",
            4, "ITU-T G.723", 5, "DVI4 8000 samples/s", 6, "DVI4 16000 samples/s",
            7, "Experimental linear predictive encoding from Xerox PARC", 8, "ITU-T G.711 PCMA",
            9, "ITU-T G.722", 10, "16-bit uncompressed audio, stereo",
            11, "16-bit uncompressed audio, monaural", 12, "Qualcomm Code Excited Linear Predictive coding",
            13, "Comfort noise", 14, "MPEG-I/II Audio", 15, "ITU-T G.728", 16, "DVI4 11025 samples/s",
            17, "DVI4 22050 samples/s", 18, "ITU-T G.729", 19, "Comfort noise (old)", 20, "Unassigned",
            21, "Unassigned", 22, "Unassigned", 23, "Unassigned", 24, "Unassigned",
            25, "Sun CellB video encoding", 26, "JPEG-compressed video", 27, "Unassigned", 28, "'nv' program",
            29, "Unassigned", 30, "Unassigned", 31, "ITU-T H.261", 32, "MPEG-I/II Video",
            33, "MPEG-II transport streams", 34, "ITU-T H.263", 35, "Unassigned", 36, "Unassigned",
            37, "Unassigned", 38, "Unassigned", 39, "Unassigned", 40, "Unassigned", 41, "Unassigned",
            42, "Unassigned", 43, "Unassigned", 44, "Unassigned", 45, "Unassigned", 46, "Unassigned",
            47, "Unassigned", 48, "Unassigned", 49, "Unassigned", 50, "Unassigned", 51, "Unassigned",
            52, "Unassigned", 53, "Unassigned", 54, "Unassigned", 55, "Unassigned", 56, "Unassigned",
            57, "Unassigned", 58, "Unassigned", 59, "Unassigned", 60, "Unassigned", 61, "Unassigned",
            62, "Unassigned", 63, "Unassigned", 64, "Unassigned", 65, "Unassigned", 66, "Unassigned",
            67, "Unassigned", 68, "Unassigned", 69, "Unassigned", 70, "Unassigned", 71, "Unassigned",
            72, "Reserved for RTCP conflict avoidance", 73, "Reserved for RTCP conflict avoidance",
            74, "Reserved for RTCP conflict avoidance", 75, "Reserved for RTCP conflict avoidance",
            76, "Reserved for RTCP conflict avoidance", 77, "Unassigned", 78, "Unassigned", 79, "Unassigned",
            80, "Unassigned", 81, "Unassigned", 82, "Unassigned", 83, "Unassigned", 84, "Unassigned",
            85, "Unassigned", 86, "Unassigned", 87, "Unassigned", 88, "Unassigned", 89, "Unassigned",
            90, "Unassigned", 91, "Unassigned", 92, "Unassigned", 93, "Unassigned", 94, "Unassigned",
            95, "Unassigned");

    private RtpPayloadTypes() {}

    /** The name of payload type {@code pt} (0-127). */
    public static String name(int pt) {
        if (pt >= 96 && pt <= 127) {
            return "DynamicRTP-Type-" + pt;
        }
        return NAMES.name(pt);
    }
}
