package dlcourse.core;

/**
 * Thrown when the shapes of the operands do not fit the operation. Messages use numpy's own wording, so a student
 * who knows numpy recognises them, e.g. {@code operands could not be broadcast together with shapes (3,4) (4,1)}.
 */
public final class ShapeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a complete, already formatted message. */
    public ShapeException(String message) {
        super(message);
    }

    /** numpy's compact spelling of a shape inside error messages: {@code (3,4)}. */
    static String compact(int rows, int cols) {
        return "(" + rows + "," + cols + ")";
    }

    static ShapeException broadcast(Shape a, Shape b) {
        return new ShapeException("operands could not be broadcast together with shapes "
                + compact(a.rows(), a.cols()) + " " + compact(b.rows(), b.cols()));
    }

    static ShapeException dot(Shape a, Shape b) {
        return new ShapeException("shapes " + compact(a.rows(), a.cols()) + " and " + compact(b.rows(), b.cols())
                + " not aligned: " + a.cols() + " (dim 1) != " + b.rows() + " (dim 0)");
    }

    static ShapeException reshape(int size, String target) {
        return new ShapeException("cannot reshape array of size " + size + " into shape " + target);
    }

    static ShapeException concatenate(int axis, int index, int expected, int found) {
        return new ShapeException("all the input array dimensions except for the concatenation axis must match"
                + " exactly, but along dimension " + axis + ", the array at index 0 has size " + expected
                + " and the array at index " + index + " has size " + found);
    }

    static IndexOutOfBoundsException index(int index, int axis, int size) {
        return new IndexOutOfBoundsException("index " + index + " is out of bounds for axis " + axis
                + " with size " + size);
    }
}
