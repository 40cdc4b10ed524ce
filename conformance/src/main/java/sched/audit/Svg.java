package sched.audit;

/** A tiny SVG builder: enough for timelines and bar charts, with every text escaped. */
final class Svg {
    private final StringBuilder sb = new StringBuilder();
    private final int width, height;

    Svg(int width, int height) {
        this.width = width;
        this.height = height;
    }

    Svg rect(double x, double y, double w, double h, String fill, String stroke, String cls) {
        sb.append(String.format(java.util.Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\" fill=\"%s\" stroke=\"%s\"%s/>",
                x, y, w, h, fill, stroke, cls == null ? "" : " class=\"" + cls + "\""));
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
        sb.append(String.format(java.util.Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>",
                x1, y1, x2, y2, stroke, width));
        return this;
    }

    Svg text(double x, double y, String s, int size, String anchor, String fill) {
        sb.append(String.format(java.util.Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>",
                x, y, size, anchor, fill, esc(s)));
        return this;
    }

    Svg title(String s) {
        sb.append("<title>").append(esc(s)).append("</title>");
        return this;
    }

    Svg raw(String s) {
        sb.append(s);
        return this;
    }

    String build(String cls) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"" + cls + "\" width=\"" + width + "\" height=\""
                + height + "\" viewBox=\"0 0 " + width + " " + height
                + "\" font-family=\"system-ui, sans-serif\">" + sb + "</svg>";
    }

    static String esc(String s) {
        StringBuilder o = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '&' -> o.append("&amp;");
                case '"' -> o.append("&quot;");
                default -> o.append(c);
            }
        }
        return o.toString();
    }
}
