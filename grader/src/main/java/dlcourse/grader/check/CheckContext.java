package dlcourse.grader.check;

import dlcourse.grader.report.Curve;
import dlcourse.grader.report.Figure;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What a check body works with: fresh instances of the graded implementation (so state cannot leak between
 * checks) and a place to leave learning curves and figures for the report.
 *
 * @param <T> the assignment's contract type
 */
public final class CheckContext<T> {

    private final Supplier<? extends T> instances;
    private final Class<? extends T> implementationType;
    private final List<Curve> curves = new CopyOnWriteArrayList<>();
    private final List<Figure> figures = new CopyOnWriteArrayList<>();

    /**
     * @param instances          makes a fresh instance of the implementation under test
     * @param implementationType its class (for Mockito spies)
     */
    public CheckContext(Supplier<? extends T> instances, Class<? extends T> implementationType) {
        this.instances = Objects.requireNonNull(instances);
        this.implementationType = Objects.requireNonNull(implementationType);
    }

    /** A fresh instance of the implementation under test. */
    public T fresh() {
        return instances.get();
    }

    /** The implementation's class. */
    public Class<? extends T> implementationType() {
        return implementationType;
    }

    /** Records a learning curve for the report. */
    public void addCurve(Curve curve) {
        curves.add(curve);
    }

    /** The curves recorded so far. */
    public List<Curve> curves() {
        return List.copyOf(curves);
    }

    /** Records a figure for the report (a decision boundary, a gallery of pictures). */
    public void addFigure(Figure figure) {
        figures.add(figure);
    }

    /** The figures recorded so far. */
    public List<Figure> figures() {
        return List.copyOf(figures);
    }
}
