package sched.tlc;

/**
 * One framed message of TLC's {@code -tool} output: {@code @!@!@STARTMSG code:severity @!@!@ body @!@!@ENDMSG
 * code @!@!@}. Severity 0 is information, 1 an error, 2 a TLC bug, 3 a warning, 4 a state of a trace. A message
 * nested inside another (TLC does this for the cause of an error) is delivered on its own and its text is also
 * part of the enclosing message's body.
 */
public record TlcMessage(int code, int severity, String body) {

    // The codes this driver acts on (tlc2.output.EC in TLC's sources).
    public static final int GENERAL = 1000;
    public static final int NESTED_EXPRESSION = 2103;
    public static final int INVARIANT_VIOLATED_INITIAL = 2107;
    public static final int PROPERTY_VIOLATED_INITIAL = 2108;
    public static final int INVARIANT_VIOLATED_BEHAVIOR = 2110;
    public static final int ACTION_PROPERTY_VIOLATED_BEHAVIOR = 2112;
    public static final int DEADLOCK_REACHED = 2114;
    public static final int TEMPORAL_PROPERTY_VIOLATED = 2116;
    public static final int BEHAVIOR_UP_TO_THIS_POINT = 2121;
    public static final int BACK_TO_STATE = 2122;
    public static final int ASSERT_FAILED = 2132;
    public static final int ASSUMPTION_FALSE = 2131;
    public static final int STARTING = 2185;
    public static final int FINISHED = 2186;
    public static final int INIT_GENERATED = 2190;
    public static final int SUCCESS = 2193;
    public static final int SEARCH_DEPTH = 2194;
    public static final int STATS = 2199;
    public static final int PROGRESS_STATS = 2200;
    public static final int STATE_PRINT = 2217;
    public static final int STUTTER_STATE = 2218;
    public static final int VERSION = 2262;
    public static final int COUNTER_EXAMPLE = 2264;
    public static final int SANY_FAILED = 3002;
    public static final int CONFIG_FILE_ERROR = 5006;
    public static final int DISTRIBUTED_SERVER_RUNNING = 7000;
    public static final int DISTRIBUTED_WORKER_REGISTERED = 7001;

    public static final int SEVERITY_INFO = 0;
    public static final int SEVERITY_ERROR = 1;
    public static final int SEVERITY_TLCBUG = 2;
    public static final int SEVERITY_WARNING = 3;
    public static final int SEVERITY_STATE = 4;

    public boolean isError() {
        return severity == SEVERITY_ERROR || severity == SEVERITY_TLCBUG;
    }
}
