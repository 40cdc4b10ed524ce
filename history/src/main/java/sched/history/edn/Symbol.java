package sched.history.edn;

/** An EDN symbol such as {@code foo} or {@code my.ns/bar} (not {@code nil}, {@code true} or {@code false}). */
public record Symbol(String namespace, String name) {
    public static Symbol of(String text) {
        int slash = text.indexOf('/');
        if (slash > 0 && slash < text.length() - 1) return new Symbol(text.substring(0, slash), text.substring(slash + 1));
        return new Symbol(null, text);
    }

    @Override public String toString() { return namespace == null ? name : namespace + "/" + name; }
}
