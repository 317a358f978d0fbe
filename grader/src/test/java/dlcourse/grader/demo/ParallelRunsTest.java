package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlcourse.course.NotImplementedYet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A demo's runs side by side: same results and output order as one after the other, one instance per run. */
class ParallelRunsTest {

    /** A stand-in implementation the runner can copy (public, with a public no-argument constructor). */
    public static final class Copyable {
        /** Made by the runner. */
        public Copyable() {
        }
    }

    /** A stand-in the runner cannot copy. */
    private static final class Private {
    }

    @Test
    void results_and_output_keep_the_run_order_whatever_the_start_order() {
        StringWriter text = new StringWriter();
        Set<Object> seen = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

        List<Integer> results = ParallelRuns.run(new Copyable(), new int[] {2, 0, 1}, new PrintWriter(text),
                (impl, k, out) -> {
                    seen.add(impl);
                    out.println("run " + k);
                    return k * 10;
                });

        assertEquals(List.of(0, 10, 20), results);
        assertEquals("run 0\nrun 1\nrun 2\n", text.toString().replace(System.lineSeparator(), "\n"));
        assertEquals(ParallelRuns.THREADS == 1 ? 1 : 3, seen.size());
    }

    @Test
    void an_implementation_that_cannot_be_copied_runs_every_run_itself() {
        Private only = new Private();
        StringWriter text = new StringWriter();

        List<Object> used = ParallelRuns.run(only, 2, new PrintWriter(text), (impl, k, out) -> {
            out.println(k);
            return impl;
        });

        assertSame(only, used.get(0));
        assertSame(only, used.get(1));
        assertEquals("0\n1\n", text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void a_copy_is_a_new_instance_of_the_same_class() {
        Copyable first = new Copyable();

        List<Object> used = ParallelRuns.run(first, 2, new PrintWriter(new StringWriter()), (impl, k, out) -> impl);

        assertSame(first, used.get(0));
        if (ParallelRuns.THREADS > 1) {
            assertNotSame(first, used.get(1));
        }
        assertEquals(Copyable.class, used.get(1).getClass());
    }

    @Test
    void an_unwritten_function_in_any_run_reaches_the_caller() {
        NotImplementedYet error = assertThrows(NotImplementedYet.class, () -> ParallelRuns.run(new Copyable(), 3,
                new PrintWriter(new StringWriter()), (impl, k, out) -> {
                    if (k == 1) {
                        throw new NotImplementedYet("model");
                    }
                    return k;
                }));

        assertEquals("model", error.function());
    }
}
