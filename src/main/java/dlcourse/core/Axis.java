package dlcourse.core;

/**
 * The axis a reduction runs along, named as numpy numbers them for a 2-D array.
 *
 * <p>{@link #ROWS} is numpy's {@code axis=0}: it collapses the rows and leaves one value per column, so a
 * (n, m) matrix reduces to (1, m) with {@code keepDims} or to (m,) in numpy. {@link #COLUMNS} is
 * {@code axis=1}: one value per row, (n, 1) with {@code keepDims}.
 */
public enum Axis {
    /** numpy {@code axis=0}: reduce down each column, leaving one value per column. */
    ROWS(0),
    /** numpy {@code axis=1}: reduce along each row, leaving one value per row. */
    COLUMNS(1);

    private final int numpyAxis;

    Axis(int numpyAxis) {
        this.numpyAxis = numpyAxis;
    }

    /** The number numpy uses for this axis ({@code 0} or {@code 1}). */
    public int numpyAxis() {
        return numpyAxis;
    }
}
