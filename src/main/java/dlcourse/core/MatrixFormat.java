package dlcourse.core;

import java.util.Locale;

/** numpy-like printing of a matrix body: aligned columns, {@code ...} in place of the middle of large matrices. */
final class MatrixFormat {

    private MatrixFormat() {
    }

    /**
     * Formats a row-major (rows, cols) array as {@code [[a b] [c d]]} on several lines.
     *
     * @param edge how many leading and trailing rows/columns to show before eliding the middle
     */
    static String body(double[] d, int rows, int cols, int edge) {
        if (rows == 0 || cols == 0) {
            return "[]";
        }
        int[] rowIdx = indices(rows, edge);
        int[] colIdx = indices(cols, edge);
        String[][] cells = new String[rowIdx.length][colIdx.length];
        int width = 0;
        for (int r = 0; r < rowIdx.length; r++) {
            for (int c = 0; c < colIdx.length; c++) {
                String s = rowIdx[r] < 0 || colIdx[c] < 0 ? "..." : number(d[rowIdx[r] * cols + colIdx[c]]);
                cells[r][c] = s;
                width = Math.max(width, s.length());
            }
        }
        StringBuilder out = new StringBuilder("[");
        for (int r = 0; r < rowIdx.length; r++) {
            if (r > 0) {
                out.append("\n ");
            }
            if (rowIdx[r] < 0) {
                out.append(" ...");
                continue;
            }
            out.append('[');
            for (int c = 0; c < colIdx.length; c++) {
                if (c > 0) {
                    out.append(' ');
                }
                out.append(" ".repeat(width - cells[r][c].length())).append(cells[r][c]);
            }
            out.append(']');
        }
        return out.append(']').toString();
    }

    /** The indices to show along an axis; -1 marks the elided middle. */
    private static int[] indices(int n, int edge) {
        if (n <= 2L * edge) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] some = new int[2 * edge + 1];
        for (int i = 0; i < edge; i++) {
            some[i] = i;
            some[edge + 1 + i] = n - edge + i;
        }
        some[edge] = -1;
        return some;
    }

    /** Up to 8 significant digits, like numpy's default print precision. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e16) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e8) {
            String s = String.format(Locale.ROOT, "%.8f", v);
            s = s.replaceAll("0+$", "");
            return s.endsWith(".") ? s + "0" : s;
        }
        return String.format(Locale.ROOT, "%.8e", v).replaceAll("0+e", "e").replace(".e", ".0e");
    }
}
