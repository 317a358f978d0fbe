package dlcourse.grader.demo;

import java.util.List;
import java.util.Optional;

/** The registry of demos, one per assignment that has one, in course order. */
public final class Demos {

    private static final List<Demo<?>> ALL = List.of(
            new LogisticDemo(),
            new ShallowDemo(),
            new ApplicationDemo(),
            new InitializationDemo(),
            new RegularizationDemo(),
            new GradCheckDemo(),
            new OptimizationDemo(),
            new FrameworkDemo());

    private Demos() {
    }

    /**
     * Every demo, in course order.
     *
     * @return an unmodifiable list
     */
    public static List<Demo<?>> all() {
        return ALL;
    }

    /**
     * The ids of every demo, in course order, for help texts and error messages.
     *
     * @return e.g. {@code [logistic]}
     */
    public static List<String> ids() {
        return ALL.stream().map(Demo::id).toList();
    }

    /**
     * The demo with this id.
     *
     * @param id e.g. {@code logistic}
     * @return the demo, or empty when no demo has this id
     */
    public static Optional<Demo<?>> find(String id) {
        return ALL.stream().filter(demo -> demo.id().equals(id)).findFirst();
    }
}
