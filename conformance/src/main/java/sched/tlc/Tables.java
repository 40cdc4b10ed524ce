package sched.tlc;

import java.util.List;

/** Plain-text tables: columns padded to their widest cell, a rule under the header row. */
public final class Tables {
    private Tables() {}

    /** Renders rows (the first is the header); {@code rightAlignNumbers} right-aligns cells that look numeric. */
    public static String render(List<String[]> rows, boolean rightAlignNumbers) {
        int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] w = new int[cols];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (int ri = 0; ri < rows.size(); ri++) {
            String[] r = rows.get(ri);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String c = i < r.length ? r[i] : "";
                boolean right = rightAlignNumbers && ri > 0 && c.matches("[0-9][0-9,:.]*");
                if (i > 0) line.append("  ");
                if (right) line.append(" ".repeat(w[i] - c.length())).append(c);
                else line.append(c).append(i == cols - 1 ? "" : " ".repeat(w[i] - c.length()));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (ri == 0) {
                int total = 0;
                for (int i = 0; i < cols; i++) total += w[i] + (i > 0 ? 2 : 0);
                sb.append("-".repeat(total)).append('\n');
            }
        }
        return sb.toString();
    }
}
