package dev.dorsal.dissectors.gtp;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the GTPv2 Indication IE (3GPP TS 29.274 8.12): one flag per bit, eight to an octet, for as many
 * octets as the IE has, named as tshark 4.0.17 names them (its glossary, in wire order).
 */
final class GtpV2Indication {
    /** Filter name and label of each flag, most significant bit of the first octet first. */
    private static final String[][] FLAGS = {
            {"gtpv2.daf", "DAF (Dual Address Bearer Flag)"},
            {"gtpv2.dtf", "DTF (Direct Tunnel Flag)"},
            {"gtpv2.hi", "HI (Handover Indication)"},
            {"gtpv2.dfi", "DFI (Direct Forwarding Indication)"},
            {"gtpv2.oi", "OI (Operation Indication)"},
            {"gtpv2.isrsi", "ISRSI (Idle mode Signalling Reduction Supported Indication)"},
            {"gtpv2.israi", "ISRAI (Idle mode Signalling Reduction Activation Indication)"},
            {"gtpv2.sgwci", "SGWCI (SGW Change Indication)"},
            {"gtpv2.sqci", "SQCI (Subscribed QoS Change Indication)"},
            {"gtpv2.uimsi", "UIMSI (Unauthenticated IMSI)"},
            {"gtpv2.cfsi", "CFSI (Change F-TEID support indication)"},
            {"gtpv2.crsi", "CRSI (Change Reporting support indication)"},
            {"gtpv2.ps", "PS (Piggybacking Supported)"},
            {"gtpv2.pt", "PT (Protocol Type)"},
            {"gtpv2.si", "SI (Scope Indication)"},
            {"gtpv2.msv", "MSV (MS Validated)"},
            {"gtpv2.retloc", "RetLoc (Retrieve Location Indication Flag)"},
            {"gtpv2.pbic", "PBIC (Propagate BBAI Information Change)"},
            {"gtpv2.snri", "SRNI (SGW Restoration Needed Indication)"},
            {"gtpv2.s6af", "S6AF (Static IPv6 Address Flag)"},
            {"gtpv2.s4af", "S4AF (Static IPv4 Address Flag)"},
            {"gtpv2.mbmdt", "MBMDT (Management Based MDT allowed flag)"},
            {"gtpv2.israu", "ISRAU (ISR is activated for the UE)"},
            {"gtpv2.ccrsi", "CCRSI (CSG Change Reporting support indication)"},
            {"gtpv2.cprai", "CPRAI (Change of Presence Reporting Area information Indication)"},
            {"gtpv2.arrl", "ARRL (Abnormal Release of Radio Link)"},
            {"gtpv2.ppof", "PPOFF (PDN Pause Off Indication)"},
            {"gtpv2.ppon_ppei", "PPON (PDN Pause On Indication) / PPEI (PDN Pause Enabled Indication)"},
            {"gtpv2.ppsi", "PPSI (PDN Pause Support Indication)"},
            {"gtpv2.csfbi", "CSFBI (CSFB Indication)"},
            {"gtpv2.clii", "CLII (Change of Location Information Indication)"},
            {"gtpv2.cpsr", "CPSR (CS to PS SRVCC Indication)"},
            {"gtpv2.nsi", "NSI (NBIFOM Support Indication)"},
            {"gtpv2.uasi", "UASI (UE Available for Signalling Indication)"},
            {"gtpv2.dtci", "DTCI (Delay Tolerant Connection Indication)"},
            {"gtpv2.bdwi", "BDWI (Buffered DL Data Waiting Indication)"},
            {"gtpv2.psci", "PSCI (Pending Subscription Change Indication)"},
            {"gtpv2.pcri", "PCRI (P-CSCF Restoration Indication)"},
            {"gtpv2.aosi", "AOSI (Associate OCI with SGW node's Identity)"},
            {"gtpv2.aopi", "AOPI (Associate OCI with PGW node's Identity)"},
            {"gtpv2.roaai", "ROAAI (Release Over Any Access Indication)"},
            {"gtpv2.epcosi", "EPCOSI (Extended PCO Support Indication)"},
            {"gtpv2.cpopci", "CPOPCI (Control Plane Only PDN Connection Indication)"},
            {"gtpv2.pmtsmi", "PMTSMI (Pending MT Short Message Indication)"},
            {"gtpv2.s11tf", "S11TF (S11-U Tunnel Flag)"},
            {"gtpv2.pnsi", "PNSI (Pending Network Initiated PDN Connection Signalling Indication)"},
            {"gtpv2.unaccsi", "UNACCSI (UE Not Authorized Cause Code Support Indication)"},
            {"gtpv2.wpmsi", "WPMSI (WLCP PDN Connection Modification Support Indication)"},
            {"gtpv2.5gsnn26", "5GSNN26 (5GS Interworking without N26 Indication)"},
            {"gtpv2.reprefi", "REPREFI (Return Preferred Indication)"},
            {"gtpv2.5gsiwk", "5GSIWKI (5GS Interworking Indication)"},
            {"gtpv2.eevrsi", "EEVRSI (Extended EBI Value Range Support Indication)"},
            {"gtpv2.ltemui", "LTEMUI (LTE-M UE Indication)"},
            {"gtpv2.ltempi", "LTEMPI (LTE-M RAT Type reporting to PGW Indication)"},
            {"gtpv2.enbcrsi", "ENBCRSI (eNB Change Reporting Support Indication)"},
            {"gtpv2.tspcmi", "TSPCMI (Triggering SGSN Initiated PDP Context Creation/Modification Indication)"},
            {"gtpv2.csrmfi", "CSRMFI (Create Session Request Message Forwarded Indication)"},
            {"gtpv2.mtedtn", "MTEDTN (MT-EDT Not Applicable)"},
            {"gtpv2.mtedta", "MTEDTA (MT-EDT Applicable)"},
            {"gtpv2.n5gnmi", "N5GNMI (No 5GS N26 Mobility Indication)"},
            {"gtpv2.5gcnrs", "5GCNRS (5GC Not Restricted Support)"},
            {"gtpv2.5gcnri", "5GCNRI (5GC Not Restricted Indication)"},
            {"gtpv2.5srhoi", "5SRHOI (5G-SRVCC HO Indication)"},
            {"gtpv2.ethpdn", "ETHPDN (Ethernet PDN Support Indication)"},
            {"gtpv2.nspusi", "NSPUSI (Notify Start of Pause of Charging via User plane Support Indication)"},
            {"gtpv2.pgwrnsi", "PGWRNSI (PGW Redirection due to mismatch with Network Slice subscribed by UE Support Indication)"},
            {"gtpv2.rppcsi", "RPPCSI (Restoration of PDN connections after an PGW-C/SMF change Support Indication)"},
            {"gtpv2.pgwchi", "PGWCHI (PGW CHange Indication)"},
            {"gtpv2.sissme", "SISSME (Same IWK-SCEF Selected for Monitoring Event Indication)"},
            {"gtpv2.nsenbi", "NSENBI (Notify Source eNodeB Indication)"},
            {"gtpv2.idfupf", "IDFUPF (Indirect Data Forwarding with UPF Indication)"},
            {"gtpv2.emci", "EMCI (Emergency PDU Session Indication)"}
    };

    /** The flags tshark shows with words other than True/False. */
    private static final Map<String, TrueFalse> WORDS = Map.of(
            "gtpv2.mtedtn", new TrueFalse("Applicable", "Not Applicable"),
            "gtpv2.mtedta", new TrueFalse("Applicable", "Not Applicable"),
            "gtpv2.5gcnrs", new TrueFalse("Supported", "Not supported"),
            "gtpv2.5gcnri", new TrueFalse("Supported", "Not supported"),
            "gtpv2.5srhoi", new TrueFalse("Supported", "Not supported"),
            "gtpv2.ethpdn", new TrueFalse("Supported", "Not supported"));

    static final List<FieldDef> FIELDS = fields();

    private GtpV2Indication() {}

    private static List<FieldDef> fields() {
        List<FieldDef> all = new ArrayList<>(FLAGS.length);
        for (int i = 0; i < FLAGS.length; i++) {
            all.add(FieldDef.bool(FLAGS[i][0], FLAGS[i][1], 8, 0x80 >> (i % 8))
                    .tfs(WORDS.getOrDefault(FLAGS[i][0], TrueFalse.TRUE_FALSE)));
        }
        return List.copyOf(all);
    }

    /** Adds the flags of the {@code len} octets at {@code v} (those tshark names). */
    static void dissect(Tvb tvb, ProtoItem ie, int v, int len) {
        for (int i = 0; i < len * 8 && i < FIELDS.size(); i++) {
            ie.add(FIELDS.get(i), tvb, v + i / 8, 1);
        }
    }
}
