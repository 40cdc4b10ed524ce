package sched.history.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sched.history.Operation;
import sched.history.model.Model;

/*
 * The linearizability search (one independent part of a history).
 *
 * Algorithm: Wing & Gong's backtracking search over an "entry list", with the improvements of Lowe
 * ("Testing for linearizability", 2017): a memo of configurations already explored, and lifting linearized
 * operations out of the list so that the scan always restarts from the head.
 *
 *   The entry list holds, in real-time (history index) order, a call entry for every operation and a return
 *   entry for every operation that completed. Scanning from the head, the search meets call entries of
 *   operations that may take effect now (nothing that returned is still unlinearized in front of them).
 *   For such a call it applies the model: if the operation is legal in the current state, the operation is
 *   linearized: pushed on a stack with the state before it, lifted out of the list (call and return entry),
 *   and the scan restarts at the head. If the scan meets a return entry, that operation returned without
 *   having been linearized: the current choice is wrong, so the search pops the last linearized operation,
 *   puts it back in the list, restores the state, and goes on with the entry after the popped call. When no
 *   return entry is left, every completed operation is linearized: the history is linearizable. When a return
 *   entry is met with an empty stack, every choice has been tried: it is not.
 *
 *   Operations with an open outcome (:info, or no completion) have no return entry: the search may linearize
 *   them whenever it scans past their call, or never, which is exactly Knossos's semantics for them.
 *
 *   Memoisation: the rest of the search depends only on the set of linearized operations and the model state,
 *   so each (set, state) configuration reached is stored, and a step into a configuration already stored is
 *   not taken again. The set is stored compactly and exactly: let h be the earliest return entry still in the
 *   list. Every completed operation that returned before h is linearized, and no operation invoked after h
 *   is, so the set is determined by h plus the bits of the operations invoked before h that had not returned
 *   by then (a window whose width is the history's concurrency) and of the open operations invoked before h.
 *   Operations are numbered in invocation order (completed and open ones separately), the linearized set is
 *   two long[] bitsets updated in place, and a configuration is stored as (h, the words of the window, the
 *   state) in an open-addressing hash table over one long[] arena. The hot loop allocates nothing but what the
 *   model's step returns (a new state, kept by the stack or the memo).
 *
 *   The loop reads the clock every 1024 steps and gives up with UNKNOWN past the deadline, or when the memo
 *   exceeds its entry limit, so a hard history ends in "unknown" instead of a hang.
 *
 *   For a report, the search remembers the furthest point it reached: the largest h, that is the completed
 *   operation the search never managed to linearize in any configuration, and the states it could be in then.
 */
final class Search {
    enum Outcome { LINEARIZABLE, NOT_LINEARIZABLE, TIMEOUT, MEMORY }

    private final Model model;
    private final int n;
    private final Object[] prepared;
    private final int[] call;          // history index of each op's invocation
    private final boolean[] closed;    // has a return entry
    private final int[] bitIndex;      // index in okBits (closed) or openBits (open)
    private final int[] retRank;       // closed ops: rank of the return among closed ops
    private final int[] opOfRank;
    private final int nClosed, nOpen;

    // entry list: call entry of op i is i, return entry is n + i; HEAD = 2n, TAIL = 2n + 1
    private final int[] next, prev;
    private final int head, tail;
    // list of return ranks still present: RHEAD = nClosed, RTAIL = nClosed + 1
    private final int[] rnext, rprev;
    private final int rhead, rtail;

    // window bounds of the memo key for each value of h (a return rank)
    private final int[] okLoWord, okHiWord, openWords;

    private final long[] okBits, openBits;

    // furthest point
    int bestRank = -1;
    Outcome outcome;
    private final Memo memo;
    // optional search order among the candidates available at one point (see Model.priorities); null: list order
    private final long[] tryOrder;
    private long lastTried = -1;
    private final int[][] after;

    Search(Model model, List<Operation> ops, Object[] preparedOps, Model.Hints hints, int memoLimit) {
        this.model = model;
        this.n = ops.size();
        this.prepared = preparedOps;
        this.call = new int[n];
        this.closed = new boolean[n];
        this.bitIndex = new int[n];
        this.retRank = new int[n];
        int nc = 0, no = 0;
        for (int i = 0; i < n; i++) {
            Operation op = ops.get(i);
            call[i] = op.call();
            closed[i] = !op.open();
            bitIndex[i] = closed[i] ? nc++ : no++;
            if (i > 0 && call[i] < call[i - 1]) throw new IllegalArgumentException("operations must be in invocation order");
        }
        nClosed = nc;
        nOpen = no;
        // return ranks
        Integer[] byRet = new Integer[nc];
        int k = 0;
        for (int i = 0; i < n; i++) if (closed[i]) byRet[k++] = i;
        Arrays.sort(byRet, (a, b) -> Integer.compare(ops.get(a).ret(), ops.get(b).ret()));
        opOfRank = new int[nc];
        for (int r = 0; r < nc; r++) {
            opOfRank[r] = byRet[r];
            retRank[byRet[r]] = r;
        }
        // the entry list, in history-index order
        int[] order = new int[n + nc];
        long[] keys = new long[n + nc];
        int m = 0;
        for (int i = 0; i < n; i++) {
            keys[m++] = ((long) call[i] << 32) | i;
            if (closed[i]) keys[m++] = ((long) ops.get(i).ret() << 32) | (n + i);
        }
        Arrays.sort(keys, 0, m);
        for (int j = 0; j < m; j++) order[j] = (int) (keys[j] & 0xffffffffL);
        head = 2 * n;
        tail = 2 * n + 1;
        next = new int[2 * n + 2];
        prev = new int[2 * n + 2];
        int p = head;
        for (int j = 0; j < m; j++) {
            next[p] = order[j];
            prev[order[j]] = p;
            p = order[j];
        }
        next[p] = tail;
        prev[tail] = p;
        rhead = nc;
        rtail = nc + 1;
        rnext = new int[nc + 2];
        rprev = new int[nc + 2];
        p = rhead;
        for (int r = 0; r < nc; r++) {
            rnext[p] = r;
            rprev[r] = p;
            p = r;
        }
        rnext[p] = rtail;
        rprev[rtail] = p;
        // memo-key windows: for h = rank r, closed ops invoked before ret(r) have ids < closedCallsBefore;
        // those with return rank >= r have ids >= suffix minimum of ids
        okLoWord = new int[nc + 1];
        okHiWord = new int[nc + 1];
        openWords = new int[nc + 1];
        int[] suffixMin = new int[nc + 1];
        suffixMin[nc] = Integer.MAX_VALUE;
        for (int r = nc - 1; r >= 0; r--) suffixMin[r] = Math.min(suffixMin[r + 1], bitIndex[opOfRank[r]]);
        int ci = 0, closedBefore = 0, openBefore = 0;
        for (int r = 0; r < nc; r++) {
            int retIdx = ops.get(opOfRank[r]).ret();
            while (ci < n && call[ci] < retIdx) {
                if (closed[ci]) closedBefore++;
                else openBefore++;
                ci++;
            }
            okLoWord[r] = suffixMin[r] >>> 6;
            okHiWord[r] = (closedBefore - 1) >>> 6; // closedBefore >= 1: op r itself was invoked before it returned
            openWords[r] = (openBefore + 63) >>> 6;
        }
        okBits = new long[((nc + 63) >>> 6) + 1];
        openBits = new long[((no + 63) >>> 6) + 1];
        memo = new Memo(memoLimit);
        if (hints != null) {
            tryOrder = new long[n];
            for (int i = 0; i < n; i++) tryOrder[i] = ((long) (hints.priority() == null ? i : hints.priority()[i]) << 32) | i;
            after = hints.after();
        } else {
            tryOrder = null;
            after = null;
        }
    }

    private void lift(int op) {
        next[prev[op]] = next[op];
        prev[next[op]] = prev[op];
        if (closed[op]) {
            int e = n + op;
            next[prev[e]] = next[e];
            prev[next[e]] = prev[e];
            int r = retRank[op];
            rnext[rprev[r]] = rnext[r];
            rprev[rnext[r]] = rprev[r];
        }
    }

    private void unlift(int op) {
        if (closed[op]) {
            int r = retRank[op];
            rnext[rprev[r]] = r;
            rprev[rnext[r]] = r;
            int e = n + op;
            next[prev[e]] = e;
            prev[next[e]] = e;
        }
        next[prev[op]] = op;
        prev[next[op]] = op;
    }

    private void flip(int op) {
        int b = bitIndex[op];
        if (closed[op]) okBits[b >>> 6] ^= 1L << b;
        else openBits[b >>> 6] ^= 1L << b;
    }

    private int[] stackOp;
    private Object[] stackState;
    private int depth;
    private Object state;
    private int entry = -1;
    private long steps;

    long steps() { return steps; }

    /**
     * Runs the search until a verdict, the deadline, the memo limit, or {@code budget} more steps; returns
     * null in the last case (call again to resume where it stopped).
     */
    Outcome run(long deadlineNanos, long budget) {
        if (outcome != null) return outcome;
        if (entry < 0) {
            stackOp = new int[n];
            stackState = new Object[n];
            state = model.initialState();
            entry = next[head];
        }
        int[] stackOp = this.stackOp;
        Object[] stackState = this.stackState;
        int depth = this.depth;
        Object state = this.state;
        int entry = this.entry;
        long steps = this.steps;
        long stop = steps + budget;
        if (tryOrder != null) return runOrdered(deadlineNanos, stop);
        try {
            while (true) {
                int h = rnext[rhead];
                if (h == rtail) return outcome = Outcome.LINEARIZABLE;
                if (h > bestRank) bestRank = h;
                if ((++steps & 1023) == 0) {
                    if (System.nanoTime() - deadlineNanos > 0) return outcome = Outcome.TIMEOUT;
                    if (steps >= stop) return null;
                }
                if (entry < n) {
                    int op = entry;
                    Object ns = model.step(state, prepared[op]);
                    if (ns != Model.ILLEGAL) {
                        int newH = closed[op] && retRank[op] == h ? rnext[h] : h;
                        if (newH == rtail) return outcome = Outcome.LINEARIZABLE;
                        flip(op);
                        int added = memo.add(newH, okBits, okLoWord[newH], okHiWord[newH], openBits, openWords[newH], ns);
                        if (added > 0) {
                            stackOp[depth] = op;
                            stackState[depth] = state;
                            depth++;
                            state = ns;
                            lift(op);
                            entry = next[head];
                            continue;
                        }
                        flip(op);
                        if (added < 0) return outcome = Outcome.MEMORY;
                    }
                    entry = next[entry];
                } else {
                    if (depth == 0) return outcome = Outcome.NOT_LINEARIZABLE;
                    depth--;
                    int op = stackOp[depth];
                    state = stackState[depth];
                    stackState[depth] = null;
                    unlift(op);
                    flip(op);
                    entry = next[op];
                }
            }
        } finally {
            this.depth = depth;
            this.state = state;
            this.entry = entry;
            this.steps = steps;
            if (outcome != null) {
                this.stackOp = null;
                this.stackState = null;
            }
        }
    }

    /**
     * The same search, but trying the candidates available at each point in the model's preferred order
     * instead of list order. Candidates are the call entries in front of the first return entry; the next one
     * to try is the least (priority, index) above the last one tried at this level. Completeness is unchanged:
     * every candidate is still tried at every level; only the order differs.
     */
    private Outcome runOrdered(long deadlineNanos, long stop) {
        int[] stackOp = this.stackOp;
        Object[] stackState = this.stackState;
        int depth = this.depth;
        Object state = this.state;
        long steps = this.steps;
        long last = this.lastTried;
        long[] order = this.tryOrder;
        try {
            while (true) {
                int h = rnext[rhead];
                if (h == rtail) return outcome = Outcome.LINEARIZABLE;
                if (h > bestRank) bestRank = h;
                if ((++steps & 1023) == 0) {
                    if (System.nanoTime() - deadlineNanos > 0) return outcome = Outcome.TIMEOUT;
                    if (steps >= stop) return null;
                }
                long best = Long.MAX_VALUE;
                for (int e = next[head]; e < n; e = next[e]) {
                    long k = order[e];
                    if (k > last && k < best && ready(e)) best = k;
                }
                if (best != Long.MAX_VALUE) {
                    int op = (int) (best & 0xffffffffL);
                    last = best;
                    Object ns = model.step(state, prepared[op]);
                    if (ns != Model.ILLEGAL) {
                        int newH = closed[op] && retRank[op] == h ? rnext[h] : h;
                        if (newH == rtail) return outcome = Outcome.LINEARIZABLE;
                        flip(op);
                        int added = memo.add(newH, okBits, okLoWord[newH], okHiWord[newH], openBits, openWords[newH], ns);
                        if (added > 0) {
                            stackOp[depth] = op;
                            stackState[depth] = state;
                            depth++;
                            state = ns;
                            lift(op);
                            last = -1;
                            continue;
                        }
                        flip(op);
                        if (added < 0) return outcome = Outcome.MEMORY;
                    }
                } else {
                    if (depth == 0) return outcome = Outcome.NOT_LINEARIZABLE;
                    depth--;
                    int op = stackOp[depth];
                    state = stackState[depth];
                    stackState[depth] = null;
                    unlift(op);
                    flip(op);
                    last = order[op];
                }
            }
        } finally {
            this.depth = depth;
            this.state = state;
            this.steps = steps;
            this.lastTried = last;
            if (outcome != null) {
                this.stackOp = null;
                this.stackState = null;
            }
        }
    }

    /** True when every operation that must come before {@code op} (see Model.Hints) is linearized. */
    private boolean ready(int op) {
        if (after == null || after[op] == null) return true;
        for (int j : after[op]) {
            int b = bitIndex[j];
            long word = closed[j] ? okBits[b >>> 6] : openBits[b >>> 6];
            if ((word & (1L << b)) == 0) return false;
        }
        return true;
    }

    /** The completed operation (index into the part's ops) that the search could never linearize. */
    int failingOp() { return bestRank < 0 ? -1 : opOfRank[bestRank]; }

    /** Distinct states the search was in when {@link #failingOp()} was the earliest unlinearized return. */
    List<Object> statesAtFailure(int max) {
        List<Object> out = new ArrayList<>();
        if (bestRank == 0) out.add(model.initialState());
        memo.statesFor(bestRank, out, max);
        return out;
    }

    int memoSize() { return memo.size(); }

    int closedCount() { return nClosed; }

    int openCount() { return nOpen; }

    /**
     * The memo: a set of (h, bitset window, state) in an open-addressing table. Entry data live in parallel
     * arrays and the window words in one growing long[] arena.
     */
    static final class Memo {
        private final int limit;
        private int[] table = new int[1 << 12]; // entry + 1, 0 = empty
        private long[] hashes = new long[1 << 11];
        private int[] hs = new int[1 << 11];
        private int[] offsets = new int[1 << 11];
        private Object[] states = new Object[1 << 11];
        private long[] arena = new long[1 << 13];
        private int arenaUsed;
        private int size;

        Memo(int limit) { this.limit = limit; }

        int size() { return size; }

        /** 1 when added, 0 when present already, -1 when full. */
        int add(int h, long[] ok, int okLo, int okHi, long[] open, int openLen, Object state) {
            long x = 0x9e3779b97f4a7c15L * (h + 1);
            for (int w = okLo; w <= okHi; w++) x = (x ^ ok[w]) * 0xbf58476d1ce4e5b9L;
            for (int w = 0; w < openLen; w++) x = (x ^ open[w]) * 0x94d049bb133111ebL;
            x ^= state == null ? 0 : state.hashCode();
            x ^= x >>> 31;
            x *= 0xbf58476d1ce4e5b9L;
            x ^= x >>> 29;
            int mask = table.length - 1;
            int slot = (int) x & mask;
            int width = okHi - okLo + 1 + openLen;
            while (true) {
                int e = table[slot] - 1;
                if (e < 0) break;
                if (hashes[e] == x && hs[e] == h && sameWords(offsets[e], ok, okLo, okHi, open, openLen)
                        && java.util.Objects.equals(states[e], state)) {
                    return 0;
                }
                slot = (slot + 1) & mask;
            }
            if (size >= limit) return -1;
            if (size == hashes.length) growEntries();
            if (arenaUsed + width > arena.length) arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + width));
            int off = arenaUsed;
            for (int w = okLo; w <= okHi; w++) arena[arenaUsed++] = ok[w];
            for (int w = 0; w < openLen; w++) arena[arenaUsed++] = open[w];
            int e = size++;
            hashes[e] = x;
            hs[e] = h;
            offsets[e] = off;
            states[e] = state;
            table[slot] = e + 1;
            if (size * 2 > table.length) rehash();
            return 1;
        }

        private boolean sameWords(int off, long[] ok, int okLo, int okHi, long[] open, int openLen) {
            for (int w = okLo; w <= okHi; w++) if (arena[off++] != ok[w]) return false;
            for (int w = 0; w < openLen; w++) if (arena[off++] != open[w]) return false;
            return true;
        }

        private void growEntries() {
            int cap = hashes.length * 2;
            hashes = Arrays.copyOf(hashes, cap);
            hs = Arrays.copyOf(hs, cap);
            offsets = Arrays.copyOf(offsets, cap);
            states = Arrays.copyOf(states, cap);
        }

        private void rehash() {
            int[] t = new int[table.length * 2];
            int mask = t.length - 1;
            for (int e = 0; e < size; e++) {
                int slot = (int) hashes[e] & mask;
                while (t[slot] != 0) slot = (slot + 1) & mask;
                t[slot] = e + 1;
            }
            table = t;
        }

        void statesFor(int h, List<Object> out, int max) {
            for (int e = 0; e < size && out.size() < max; e++) {
                if (hs[e] == h && !out.contains(states[e])) out.add(states[e]);
            }
        }
    }
}
