package org.lianxin.points;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lianxin.shared.InvalidInputException;

/** A subdistrict's own points rules (积分规则), overriding the defaults of {@code lianxin.points.*}. */
@Entity
@Table(name = "points_rule")
class PointsRule {

    static final int MAX = 1000;

    @Id
    private Long subdistrictId;
    private String subdistrictPath;
    private int perActivityHour;
    private int perWish;
    private int perNeed;
    private int perServiceTask;
    private int perMailboxAnswer;
    private String updatedBy;
    private Instant updatedAt;
    @Version
    private Long version;

    protected PointsRule() {
    }

    PointsRule(long subdistrictId, String subdistrictPath) {
        this.subdistrictId = subdistrictId;
        this.subdistrictPath = subdistrictPath;
    }

    void change(PointsProperties.Rates rates, String by, Instant at) {
        java.util.List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        check(problems, "perActivityHour", rates.perActivityHour());
        check(problems, "perWish", rates.perWish());
        check(problems, "perNeed", rates.perNeed());
        check(problems, "perServiceTask", rates.perServiceTask());
        check(problems, "perMailboxAnswer", rates.perMailboxAnswer());
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid-input", problems);
        }
        this.perActivityHour = rates.perActivityHour();
        this.perWish = rates.perWish();
        this.perNeed = rates.perNeed();
        this.perServiceTask = rates.perServiceTask();
        this.perMailboxAnswer = rates.perMailboxAnswer();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    private static void check(java.util.List<InvalidInputException.FieldProblem> problems, String field, Integer value) {
        if (value == null) {
            problems.add(new InvalidInputException.FieldProblem(field, "validation.required"));
        } else if (value < 0 || value > MAX) {
            problems.add(new InvalidInputException.FieldProblem(field, "points.rule.range", MAX));
        }
    }

    PointsProperties.Rates rates() {
        return new PointsProperties.Rates(perActivityHour, perWish, perNeed, perServiceTask, perMailboxAnswer);
    }

    long subdistrictId() {
        return subdistrictId;
    }

    String subdistrictPath() {
        return subdistrictPath;
    }

    String updatedBy() {
        return updatedBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Long version() {
        return version;
    }
}
