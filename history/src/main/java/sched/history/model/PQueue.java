package sched.history.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import sched.history.edn.EdnWriter;

/**
 * An immutable FIFO sequence with O(1) append, O(log n) access to the head, O(1) hash and structural sharing,
 * so that the checker can keep thousands of queue states in its cache without copying.
 *
 * <p>Appended elements form a tree of nodes linked towards the root (each node points to the element appended
 * before it); a queue is a pair (tail node, boundary node) and holds the elements on the path strictly below
 * the boundary down to the tail. The head is found with skew-binary jump pointers (level ancestor in
 * O(log n), after Myers 1983). The hash is a polynomial over the contents, computed from per-node prefix
 * sums in O(1); equality compares contents, so queues built on different search paths compare equal.
 */
final class PQueue {
    private static final long P = 0x100000001b3L * 2 + 1; // odd, so invertible mod 2^64
    private static final long P_INV = inverse(P);

    private static final class Node {
        final Object value;
        final Node parent;
        final Node jump;
        final int depth;
        final long pow;    // P^depth
        final long invPow; // P^-depth
        final long prefix; // sum over the path root..this of hash(value at depth d) * P^d

        Node() {
            value = null;
            parent = null;
            jump = this;
            depth = 0;
            pow = 1;
            invPow = 1;
            prefix = 0;
        }

        Node(Node parent, Object value) {
            this.value = value;
            this.parent = parent;
            Node j = parent.jump;
            this.jump = (parent.depth - j.depth == j.depth - j.jump.depth) ? j.jump : parent;
            this.depth = parent.depth + 1;
            this.pow = parent.pow * P;
            this.invPow = parent.invPow * P_INV;
            this.prefix = parent.prefix + Ops.hash(value) * pow;
        }
    }

    static final PQueue EMPTY;

    static {
        Node root = new Node();
        EMPTY = new PQueue(root, root);
    }

    private final Node tail;
    private final Node boundary;
    private final long hash;

    private PQueue(Node tail, Node boundary) {
        this.tail = tail;
        this.boundary = boundary;
        this.hash = (tail.prefix - boundary.prefix) * boundary.invPow;
    }

    static PQueue of(List<?> items) {
        PQueue q = EMPTY;
        for (Object o : items) q = q.append(o);
        return q;
    }

    int size() { return tail.depth - boundary.depth; }

    boolean isEmpty() { return tail == boundary; }

    PQueue append(Object value) { return new PQueue(new Node(tail, value), boundary); }

    private static Node ancestor(Node n, int depth) {
        while (n.depth > depth) n = n.jump.depth >= depth ? n.jump : n.parent;
        return n;
    }

    /** The first element; the queue must not be empty. */
    Object head() { return ancestor(tail, boundary.depth + 1).value; }

    /** The queue without its first {@code k} elements ({@code k <= size()}). */
    PQueue drop(int k) {
        if (k == 0) return this;
        return new PQueue(tail, ancestor(tail, boundary.depth + k));
    }

    /** The first {@code k} elements, in order. */
    List<Object> take(int k) {
        Object[] out = new Object[k];
        Node n = ancestor(tail, boundary.depth + k);
        for (int i = k - 1; i >= 0; i--) {
            out[i] = n.value;
            n = n.parent;
        }
        return java.util.Arrays.asList(out);
    }

    List<Object> toList() { return take(size()); }

    @Override public int hashCode() { return (int) (hash ^ (hash >>> 32)); }

    @Override public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof PQueue q) || q.hash != hash || q.size() != size()) return false;
        Node a = tail, b = q.tail;
        for (int i = size(); i > 0; i--) {
            if (a == b) return true; // shared structure: the rest is the same nodes
            if (!Objects.equals(a.value, b.value)) return false;
            a = a.parent;
            b = b.parent;
        }
        return true;
    }

    @Override public String toString() { return EdnWriter.write(new ArrayList<>(toList())); }

    private static long inverse(long a) {
        long x = a; // Newton's iteration for the inverse modulo 2^64; a is odd
        for (int i = 0; i < 6; i++) x *= 2 - a * x;
        return x;
    }
}
