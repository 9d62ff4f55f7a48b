#!/usr/bin/env python3
"""Writes GtpValues.java: the value tables (message types, IE types, causes, RAT and interface types)
that the GTP dissectors show, read off tshark 4.0.17's `tshark -G values`, so names are tshark's.

usage: make_gtp_values.py OUT.java   (needs tshark 4.0.17)
"""
import subprocess
import sys

TABLES = [
    ('V1_MESSAGES', 'gtp.message', 'GTPv1 and GTP\' message types'),
    ('V1_CAUSES', 'gtp.cause', 'GTPv1 causes'),
    ('V1_IES', 'gtp.ie_id', 'GTPv1 information element types'),
    ('V1_EXT_HEADERS', 'gtp.ext_hdr.next', 'GTPv1 extension header types'),
    ('V1_VERSIONS', 'gtp.flags.version', 'GTP versions as the flags show them'),
    ('V1_MAP_CAUSES', 'gtp.map_cause', 'MAP causes'),
    ('V1_RANAP_CAUSES', 'gtp.ranap_cause', 'RANAP causes'),
    ('V1_MS_REASONS', 'gtp.ms_reason', 'MS not reachable reasons'),
    ('V1_SELECTION_MODES', 'gtp.sel_mode', 'selection modes'),
    ('V1_PDP_TYPES', 'gtp.user_addr_pdp_type', 'PDP types of an end user address'),
    ('V1_PDP_ORGS', 'gtp.user_addr_pdp_org', 'PDP type organizations'),
    ('V1_RAT_TYPES', 'gtp.ext_rat_type', 'RAT types'),
    ('V1_GEO_LOC_TYPES', 'gtp.geo_loc_type', 'geographic location types'),
    ('V2_MESSAGES', 'gtpv2.message_type', 'GTPv2 message types'),
    ('V2_IES', 'gtpv2.ie_type', 'GTPv2 information element types'),
    ('V2_CAUSES', 'gtpv2.cause', 'GTPv2 causes'),
    ('V2_RAT_TYPES', 'gtpv2.rat_type', 'GTPv2 RAT types'),
    ('V2_INTERFACE_TYPES', 'gtpv2.f_teid_interface_type', 'F-TEID interface types'),
    ('V2_PDN_TYPES', 'gtpv2.pdn_type', 'PDN types'),
    ('V2_SELECTION_MODES', 'gtpv2.selec_mode', 'selection modes'),
    ('V2_DST', 'gtpv2.ue_time_zone_dst', 'daylight saving time adjustments'),
    ('V2_APN_RESTRICTIONS', 'gtpv2.apn_rest', 'APN restriction types'),
    ('V2_BEARER_CONTROL_MODES', 'gtpv2.bearer_control_mode', 'bearer control modes'),
    ('V2_TIMER_UNITS', 'gtpv2.timer_unit', 'EPC timer units'),
    ('V2_NODE_TYPES', 'gtpv2.node_type', 'node types'),
]


def java(s):
    return s.replace('\\', '\\\\').replace('"', '\\"')


def main():
    lines = subprocess.run(['tshark', '-G', 'values'], capture_output=True, text=True).stdout.splitlines()
    out = ['package dev.dorsal.dissectors.gtp;', '', 'import dev.dorsal.engine.spi.ValueString;', '',
           '/**', ' * Value tables of the GTP dissectors, as tshark 4.0.17 names the values (written by',
           ' * dissectors/src/test/resources/gtp/make_gtp_values.py from {@code tshark -G values}; do not edit).',
           ' */', 'final class GtpValues {', '    private GtpValues() {}', '']
    for name, field, doc in TABLES:
        rows = []
        for l in lines:
            c = l.split('\t')
            if c[0] == 'V' and c[1] == field:
                rows.append('            .add(%s, "%s")' % (int(c[2], 0), java(c[3])))
            elif c[0] == 'R' and c[1] == field:
                rows.append('            .range(%s, %s, "%s")' % (int(c[2], 0), int(c[3], 0), java(c[4])))
        assert rows, field
        out.append('    /** The %s ({@code %s}). */' % (doc, field))
        out.append('    static final ValueString %s = ValueString.builder()' % name)
        out.extend(rows)
        out.append('            .build();')
        out.append('')
    out[-1] = '}'
    open(sys.argv[1], 'w').write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
