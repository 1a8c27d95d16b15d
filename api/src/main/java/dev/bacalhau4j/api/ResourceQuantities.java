package dev.bacalhau4j.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the resource strings of a job spec ({@code 500m}, {@code 0.5}, {@code 64Mb}, {@code 1Gb})
 * exactly as Bacalhau does; stateless and thread-safe.
 *
 * <p>Bacalhau first lower-cases the string and removes spaces and newlines
 * ({@code ResourcesConfig.Normalize} in {@code pkg/models/resource.go}), then:
 * <ul>
 *   <li><b>CPU</b> follows {@code k8sresource.NewCPUFromString}: {@code <integer>m} is millicores
 *       ({@code 500m}); anything else is a decimal number of cores ({@code 0.5}, {@code 2},
 *       {@code 1.5}) multiplied by 1000 and truncated to whole millicores. Unlike Go's
 *       {@code ParseFloat}, exponents, {@code Inf} and {@code NaN} are refused, and so are negative values
 *       (Bacalhau refuses those later, in {@code Resources.Validate}).</li>
 *   <li><b>Memory and disk</b> follow go-humanize's {@code ParseBytes}: a decimal number followed by an
 *       optional unit, case-insensitive. <b>Units without {@code i} are SI (powers of 1000), units with
 *       {@code i} are IEC (powers of 1024)</b>: {@code 64Mb}, {@code 64MB}, {@code 64m} and {@code 64mb}
 *       are all 64,000,000 bytes; {@code 512Mi} and {@code 512MiB} are 536,870,912 bytes; {@code 1Gb} is
 *       10<sup>9</sup>; no unit (or {@code b}) is bytes. Units: b, k/kb, ki/kib, m/mb, mi/mib, g/gb, gi/gib,
 *       t/tb, ti/tib, p/pb, pi/pib, e/eb, ei/eib. A fractional result is truncated to whole bytes
 *       (computed exactly here, where Go goes through a float64). Sizes above {@link Long#MAX_VALUE}
 *       are refused.</li>
 *   <li><b>GPU</b> is a whole non-negative number ({@code strconv.ParseUint(s, 10, 64)}).</li>
 * </ul>
 * An empty string (after normalisation) means "not set" and parses as 0.
 */
public final class ResourceQuantities {
    static final String CPU_FORMS = "use forms like 500m, 0.5, 2";
    static final String SIZE_FORMS = "use forms like 64Mb, 1Gb, 512Mi";
    static final String GPU_FORMS = "use a whole number like 1";

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");
    private static final Pattern MILLI = Pattern.compile("\\+?([0-9]+)m");
    private static final Pattern SIZE = Pattern.compile("([0-9]*\\.?[0-9]*)([a-z]*)");
    private static final Map<String, BigInteger> UNITS = units();

    private ResourceQuantities() {}

    /**
     * CPU millicores of a CPU quantity: {@code 500m} → 500, {@code 0.5} → 500, {@code 2} → 2000,
     * {@code 1.5} → 1500, empty → 0.
     *
     * @param quantity the quantity as a spec writes it
     * @return the millicores
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static long cpuMillis(String quantity) {
        String s = normalize(quantity, "quantity");
        if (s.isEmpty()) {
            return 0;
        }
        try {
            Matcher milli = MILLI.matcher(s);
            if (milli.matches()) {
                return new BigDecimal(milli.group(1)).longValueExact();
            }
            if (DECIMAL.matcher(s).matches()) {
                return new BigDecimal(s).movePointRight(3).setScale(0, RoundingMode.DOWN).longValueExact();
            }
        } catch (ArithmeticException tooLarge) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("not a CPU quantity (got " + quote(quantity) + "; " + CPU_FORMS + ")");
    }

    /**
     * Bytes of a memory or disk size: {@code 64Mb} → 64,000,000, {@code 512Mi} → 536,870,912,
     * {@code 1048576} → 1,048,576, empty → 0. See the class comment for the units.
     *
     * @param size the size as a spec writes it
     * @return the bytes
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static long bytes(String size) {
        String s = normalize(size, "size");
        if (s.isEmpty()) {
            return 0;
        }
        Matcher m = SIZE.matcher(s);
        if (m.matches() && DECIMAL.matcher(m.group(1)).matches() && UNITS.containsKey(m.group(2))) {
            BigDecimal value = new BigDecimal(m.group(1)).multiply(new BigDecimal(UNITS.get(m.group(2))));
            try {
                return value.setScale(0, RoundingMode.DOWN).longValueExact();
            } catch (ArithmeticException tooLarge) {
                throw new IllegalArgumentException("size too large (got " + quote(size) + "; at most "
                        + Long.MAX_VALUE + " bytes)");
            }
        }
        throw new IllegalArgumentException("not a size (got " + quote(size) + "; " + SIZE_FORMS + ")");
    }

    /**
     * A GPU count: {@code 1} → 1, empty → 0.
     *
     * @param count the count as a spec writes it
     * @return the count
     * @throws IllegalArgumentException naming the value and the accepted form
     */
    public static int gpuCount(String count) {
        String s = normalize(count, "count");
        if (s.isEmpty()) {
            return 0;
        }
        if (s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return new BigInteger(s).intValueExact();
            } catch (ArithmeticException tooLarge) {
                // falls through
            }
        }
        throw new IllegalArgumentException("not a GPU count (got " + quote(count) + "; " + GPU_FORMS + ")");
    }

    /** Longer quantities are refused unread: parsing a million digits takes seconds. */
    private static final int MAX_QUANTITY_CHARS = 64;

    private static String normalize(String s, String what) {
        Objects.requireNonNull(s, what + " == null");
        if (s.length() > MAX_QUANTITY_CHARS) {
            throw new IllegalArgumentException("not a " + (what.equals("quantity") ? "CPU quantity" : what)
                    + ": " + s.length() + " characters is too long (at most " + MAX_QUANTITY_CHARS + ")");
        }
        return s.toLowerCase(Locale.ROOT).replace(" ", "").replace("\n", "");
    }

    static String quote(String s) {
        return dev.bacalhau4j.api.internal.Quoted.quote(s);
    }

    private static Map<String, BigInteger> units() {
        BigInteger si = BigInteger.valueOf(1000);
        BigInteger iec = BigInteger.valueOf(1024);
        java.util.HashMap<String, BigInteger> u = new java.util.HashMap<>();
        u.put("", BigInteger.ONE);
        u.put("b", BigInteger.ONE);
        String[] prefixes = {"k", "m", "g", "t", "p", "e"};
        for (int i = 0; i < prefixes.length; i++) {
            String p = prefixes[i];
            u.put(p, si.pow(i + 1));
            u.put(p + "b", si.pow(i + 1));
            u.put(p + "i", iec.pow(i + 1));
            u.put(p + "ib", iec.pow(i + 1));
        }
        return Map.copyOf(u);
    }
}
