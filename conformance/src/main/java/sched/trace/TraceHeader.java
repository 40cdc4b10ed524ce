package sched.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The first line of a trace file (see docs/TRACES.md).
 *
 * @param spec       the root module's name, e.g. {@code Spinning}
 * @param specHash   {@link SpecHash} of the spec's modules when the trace was made
 * @param config     the config's short name (e.g. {@code ci}, {@code bug-NoRecheck})
 * @param constants  the config's constant values as JSON
 * @param generator  what made the trace: {@code tlc-counterexample}, {@code random-walk}, {@code java-recording}, ...
 * @param seed       the random seed, or null when the generator is not random
 * @param tlc        the TLC version, or null
 * @param variables  the spec's variables, in declaration order: every state has exactly these keys
 * @param actions    the spec's action names (without Init); every step's action is one of them
 * @param extra      any other header fields (e.g. {@code violation}, {@code loop}), kept in order
 */
public record TraceHeader(String spec, String specHash, String config, Json.JObject constants, String generator,
                          Long seed, String tlc, List<String> variables, List<String> actions,
                          Map<String, Json> extra) {
    public static final String FORMAT = "sched-trace/1";

    public TraceHeader {
        Objects.requireNonNull(spec);
        Objects.requireNonNull(generator);
        constants = constants == null ? Json.object().build() : constants;
        variables = List.copyOf(variables);
        actions = actions == null ? List.of() : List.copyOf(actions);
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra == null ? Map.of() : extra));
    }

    /** Fields the format defines; anything else in a header line goes to {@link #extra}. */
    static final List<String> KNOWN = List.of("format", "spec", "specHash", "config", "constants", "generator",
            "seed", "tlc", "variables", "actions");

    public Json.JObject toJson() {
        Json.ObjectBuilder b = Json.object()
                .put("format", FORMAT)
                .put("spec", spec)
                .put("specHash", Json.of(specHash))
                .put("config", Json.of(config))
                .put("constants", constants)
                .put("generator", generator)
                .put("seed", seed == null ? Json.NULL : Json.of(seed))
                .put("tlc", Json.of(tlc))
                .put("variables", Json.array(variables.stream().map(Json::of).toList()))
                .put("actions", Json.array(actions.stream().map(Json::of).toList()));
        extra.forEach(b::put);
        return b.build();
    }

    public TraceHeader withExtra(String key, Json value) {
        LinkedHashMap<String, Json> e = new LinkedHashMap<>(extra);
        e.put(key, value);
        return new TraceHeader(spec, specHash, config, constants, generator, seed, tlc, variables, actions, e);
    }
}
