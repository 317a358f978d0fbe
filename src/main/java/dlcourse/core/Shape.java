package dlcourse.core;

/**
 * The shape of a matrix, {@code (rows, cols)}, printed exactly as numpy prints a 2-D shape: {@code (3, 4)}.
 *
 * @param rows number of rows, {@code >= 0}
 * @param cols number of columns, {@code >= 0}
 */
public record Shape(int rows, int cols) {

    /** Validates the dimensions. */
    public Shape {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative dimensions are not allowed: (" + rows + ", " + cols + ")");
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("array is too big: (" + rows + ", " + cols + ")");
        }
    }

    /** Shorthand for {@code new Shape(rows, cols)}. */
    public static Shape of(int rows, int cols) {
        return new Shape(rows, cols);
    }

    /** Number of entries, {@code rows * cols}. */
    public int size() {
        return rows * cols;
    }

    /** The shape with rows and columns swapped. */
    public Shape transposed() {
        return new Shape(cols, rows);
    }

    /** True for a (1, 1) shape. */
    public boolean isScalar() {
        return rows == 1 && cols == 1;
    }

    /** numpy's spelling, e.g. {@code (3, 4)}. */
    @Override
    public String toString() {
        return "(" + rows + ", " + cols + ")";
    }
}
