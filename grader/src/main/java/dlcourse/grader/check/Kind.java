package dlcourse.grader.check;

import java.util.Locale;

/** What a check looks at. The report spells these in snake_case ({@code call_pattern}). */
public enum Kind {
    /** The returned value has the right shape. */
    SHAPE,
    /** The returned values equal the fixture's within a named tolerance. */
    VALUE,
    /** The student's backward pass agrees with centred differences of the student's own cost. */
    GRADIENT,
    /** A composite step calls its helpers as the course prescribes (Mockito spy). */
    CALL_PATTERN,
    /** An identity that needs no expected values (learning rate 0 changes nothing, inputs are not modified). */
    PROPERTY,
    /** A short training run reaches a cost/accuracy band. */
    TRAINING;

    /** The report's spelling: {@code value}, {@code call_pattern}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A short human label for display names: {@code call pattern}. */
    public String label() {
        return id().replace('_', ' ');
    }
}
