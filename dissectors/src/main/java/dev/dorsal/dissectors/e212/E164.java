package dev.dorsal.dissectors.e212;

import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * ITU-T E.164 numbers as tshark shows them inside other protocols (GTPv2's MSISDN): the BCD digits and
 * the country code they start with, named from tshark 4.0.17's table ({@code e164.tsv}, written by
 * make_mnc_table.py). The codes are prefix-free: 0, 1 and 7 have one digit, then a two-digit code when
 * the table has it, else three. It dissects no packet of its own; filter prefix {@code e164}.
 */
public final class E164 implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("ITU-T E.164 number", "E.164", "e164");

    static final ValueString COUNTRY_CODES = countryCodes();

    public static final FieldDef MSISDN = FieldDef.string("e164.msisdn", "E.164 number (MSISDN)");
    static final FieldDef COUNTRY_CODE = FieldDef.uint16("e164.country_code", "Country Code").vals(COUNTRY_CODES);

    @Override
    public String name() {
        return "e164";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, List.of(MSISDN, COUNTRY_CODE));
    }

    @Override
    public void handoff(Tables t) {}

    /** Adds the BCD number of {@code len} octets at {@code off} with its country code; returns the digits. */
    public static String addMsisdn(ProtoItem tree, Tvb tvb, int off, int len) {
        String digits = E212.bcd(tvb, off, len);
        ProtoItem number = tree.addString(MSISDN, tvb, off, len, digits);
        int n = countryCodeLength(digits);
        if (n > 0) {
            ProtoItem parent = number == tree ? tree : number;
            parent.addUint(COUNTRY_CODE, tvb, off, (n + 1) / 2, Integer.parseInt(digits.substring(0, n)));
        }
        return digits;
    }

    /** How many digits the country code has, 0 when the number is too short to tell. */
    static int countryCodeLength(String digits) {
        if (digits.isEmpty() || !Character.isDigit(digits.charAt(0))) {
            return 0;
        }
        char first = digits.charAt(0);
        if (first == '0' || first == '1' || first == '7') {
            return 1;
        }
        if (digits.length() >= 2 && COUNTRY_CODES.name(Integer.parseInt(digits.substring(0, 2))) != null) {
            return 2;
        }
        return digits.length() >= 3 ? 3 : 0;
    }

    private static ValueString countryCodes() {
        ValueString.Builder b = ValueString.builder();
        for (String[] row : E212.rows("e164.tsv")) {
            b.add(Integer.parseInt(row[0]), row[1]);
        }
        return b.build();
    }
}
