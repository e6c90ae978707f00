package org.lianxin.shared;

import java.util.List;

/**
 * Input that passed the form's annotations but breaks a rule only the domain knows (a move that
 * makes a cycle, a polygon that is not one). Answers 400 naming the field.
 */
public class InvalidInputException extends RuntimeException {

    /** One field and the message key (with arguments) that says what is wrong with it. */
    public record FieldProblem(String field, String messageKey, Object... args) {
    }

    private final transient List<FieldProblem> problems;
    private final String type;

    public InvalidInputException(String field, String messageKey, Object... args) {
        this("validation", List.of(new FieldProblem(field, messageKey, args)));
    }

    public InvalidInputException(String type, List<FieldProblem> problems) {
        super(problems.toString());
        this.type = type;
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The ProblemDetail type suffix, {@code validation} unless a more precise one applies. */
    public String type() {
        return type;
    }
}
