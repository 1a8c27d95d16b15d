package dev.bacalhau4j.examples.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations the way Bacalhau's (Go's) flags write them: {@code 30s}, {@code 5m},
 * {@code 1h30m}, {@code 1.5h}, {@code 250ms}, and a plain number as seconds.
 */
final class GoDuration implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** The duration {@code text} names; throws a conversion error naming the accepted forms. */
    static Duration parse(String text) {
        String s = text.strip();
        if (PLAIN.matcher(s).matches()) {
            return nanos(new BigDecimal(s), 1_000_000_000L, text);
        }
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            total = total.plus(nanos(new BigDecimal(m.group(1)), unitNanos(m.group(2)), text));
            at = m.end();
        }
        if (s.isEmpty() || at != s.length()) {
            throw new TypeConversionException("not a duration (got '" + text
                    + "'; use forms like 30s, 5m, 1h30m, 250ms, or plain seconds)");
        }
        return total;
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L; // h
        };
    }

    private static Duration nanos(BigDecimal amount, long unit, String text) {
        try {
            return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(unit)).longValueExact());
        } catch (ArithmeticException e) {
            throw new TypeConversionException("duration out of range (got '" + text + "')");
        }
    }

    /** {@code d} as Go prints it: {@code 1h30m0s}, {@code 30s}, {@code 250ms}. */
    static String format(Duration d) {
        if (d.isZero()) return "0s";
        if (d.compareTo(Duration.ofSeconds(1)) < 0) return d.toMillis() + "ms";
        StringBuilder b = new StringBuilder();
        long h = d.toHours();
        int m = d.toMinutesPart();
        if (h > 0) b.append(h).append('h');
        if (h > 0 || m > 0) b.append(m).append('m');
        b.append(d.toSecondsPart());
        int millis = d.toMillisPart();
        if (millis > 0) b.append('.').append(String.format("%03d", millis).replaceAll("0+$", ""));
        return b.append('s').toString();
    }
}
