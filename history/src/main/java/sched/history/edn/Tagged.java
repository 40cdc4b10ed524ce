package sched.history.edn;

/** A tagged element {@code #tag value} that this reader does not interpret (for example {@code #inst "..."}). */
public record Tagged(Symbol tag, Object value) {
    @Override public String toString() { return "#" + tag + " " + EdnWriter.write(value); }
}
