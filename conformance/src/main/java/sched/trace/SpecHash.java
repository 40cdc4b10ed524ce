package sched.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of a spec that a trace was made from: {@code sha256:} and the first 16 hex digits of a SHA-256 over
 * the spec's modules. The modules are the root module and every module it EXTENDS or INSTANCEs (transitively)
 * that is a file in the same directory (TLC's standard modules are not included); they are hashed in module-name
 * order, each as its name, a newline, its text with CRLF turned into LF, and a newline. Comments count: any edit
 * to the file changes the hash.
 */
public final class SpecHash {
    private static final Pattern IMPORTS =
            Pattern.compile("\\bEXTENDS\\s+(\\w+(?:\\s*,\\s*\\w+)*)|\\bINSTANCE\\s+(\\w+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SpecHash() {}

    public static String of(Path rootModule) throws IOException {
        Path dir = rootModule.toAbsolutePath().getParent();
        String root = rootModule.getFileName().toString().replaceFirst("\\.tla$", "");
        TreeMap<String, String> modules = new TreeMap<>();
        collect(dir, root, modules);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (var e : modules.entrySet()) {
                md.update((e.getKey() + "\n" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Path dir, String module, TreeMap<String, String> out) throws IOException {
        if (out.containsKey(module)) return;
        Path f = dir.resolve(module + ".tla");
        if (!Files.isRegularFile(f)) return;
        String text = Files.readString(f, StandardCharsets.UTF_8).replace("\r\n", "\n");
        out.put(module, text);
        Matcher m = IMPORTS.matcher(text);
        while (m.find()) {
            Matcher n = NAME.matcher(m.group(1) != null ? m.group(1) : m.group(2));
            while (n.find()) collect(dir, n.group(), out);
        }
    }
}
