package org.lianxin.access;

import java.util.ArrayList;
import java.util.List;

import org.lianxin.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Password complexity (等保 2.0): at least 8 characters from at least three of upper case, lower
 * case, digits and symbols, not containing the username, and never the published demo password
 * outside the demo.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 8;

    private final boolean demo;
    private final String demoPassword;

    PasswordPolicy(@Value("${lianxin.demo.enabled:false}") boolean demo,
                   @Value("${lianxin.demo.password:Lianxin@2026}") String demoPassword) {
        this.demo = demo;
        this.demoPassword = demoPassword;
    }

    void check(String username, String password) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH || classes(password) < 3) {
            problems.add(new InvalidInputException.FieldProblem("password", "password.too-simple", MIN_LENGTH));
        } else if (username != null && !username.isBlank()
                && password.toLowerCase(java.util.Locale.ROOT).contains(username.strip().toLowerCase(java.util.Locale.ROOT))) {
            problems.add(new InvalidInputException.FieldProblem("password", "password.contains-username"));
        } else if (!demo && password.equals(demoPassword)) {
            problems.add(new InvalidInputException.FieldProblem("password", "password.demo"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("password-policy", problems);
        }
    }

    private static int classes(String password) {
        int upper = 0;
        int lower = 0;
        int digit = 0;
        int other = 0;
        for (char c : password.toCharArray()) {
            if (Character.isUpperCase(c)) {
                upper = 1;
            } else if (Character.isLowerCase(c)) {
                lower = 1;
            } else if (Character.isDigit(c)) {
                digit = 1;
            } else {
                other = 1;
            }
        }
        return upper + lower + digit + other;
    }
}
