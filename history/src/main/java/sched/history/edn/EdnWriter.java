package sched.history.edn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes Java values as EDN text that {@link EdnReader} and Clojure's {@code clojure.edn} read back to equal
 * values. The mapping is the reader's, reversed: {@link EdnList} is written as a list, every other
 * {@link List} (and {@code Object[]}) as a vector; {@link BigInteger} gets the {@code N} suffix and
 * {@link BigDecimal} the {@code M} suffix so that their types survive the round trip.
 */
public final class EdnWriter {
    private EdnWriter() {}

    /** The EDN text of {@code value}. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    /** Appends the EDN text of {@code value} to {@code out}. */
    public static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("nil");
            case Boolean b -> out.append(b.booleanValue());
            case Long v -> out.append(v.longValue());
            case Integer v -> out.append(v.intValue());
            case Short v -> out.append(v.shortValue());
            case Byte v -> out.append(v.byteValue());
            case BigInteger v -> out.append(v).append('N');
            case BigDecimal v -> out.append(v.toString()).append('M');
            case Double v -> writeDouble(v, out);
            case Float v -> writeDouble(v.doubleValue(), out);
            case String s -> writeString(s, out);
            case Character c -> writeCharacter(c, out);
            case Keyword k -> out.append(':').append(k.symbolic());
            case Symbol s -> out.append(s);
            case Tagged t -> {
                out.append('#').append(t.tag()).append(' ');
                write(t.value(), out);
            }
            case EdnList l -> writeItems(l, "(", ")", out);
            case List<?> l -> writeItems(l, "[", "]", out);
            case Set<?> s -> writeItems(s, "#{", "}", out);
            case Object[] a -> writeItems(List.of(a), "[", "]", out);
            case Map<?, ?> m -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) out.append(", ");
                    first = false;
                    write(e.getKey(), out);
                    out.append(' ');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException("no EDN form for a " + value.getClass().getName());
        }
    }

    private static void writeItems(Collection<?> items, String open, String close, StringBuilder out) {
        out.append(open);
        boolean first = true;
        for (Object o : items) {
            if (!first) out.append(' ');
            first = false;
            write(o, out);
        }
        out.append(close);
    }

    private static void writeDouble(double d, StringBuilder out) {
        if (Double.isNaN(d)) out.append("##NaN");
        else if (d == Double.POSITIVE_INFINITY) out.append("##Inf");
        else if (d == Double.NEGATIVE_INFINITY) out.append("##-Inf");
        else out.append(Double.toString(d)); // always has a '.' or an exponent, so it reads back as a double
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < ' ' || c == 0x7f) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }

    private static void writeCharacter(char c, StringBuilder out) {
        switch (c) {
            case '\n' -> out.append("\\newline");
            case '\r' -> out.append("\\return");
            case ' ' -> out.append("\\space");
            case '\t' -> out.append("\\tab");
            case '\f' -> out.append("\\formfeed");
            case '\b' -> out.append("\\backspace");
            default -> {
                if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isSurrogate(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append('\\').append(c);
                }
            }
        }
    }
}
