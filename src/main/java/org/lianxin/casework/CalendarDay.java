package org.lianxin.casework;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One day that differs from the week's rule: a public holiday on a weekday, or a worked weekend day. */
@Entity
@Table(name = "calendar_day")
class CalendarDay {

    @Id
    @Column(name = "calendar_date")
    private LocalDate day;
    @Column(name = "calendar_year")
    private int year;
    @Enumerated(EnumType.STRING)
    private DayKind kind;
    private String name;

    protected CalendarDay() {
    }

    CalendarDay(LocalDate day, DayKind kind, String name) {
        this.day = day;
        this.year = day.getYear();
        this.kind = kind;
        this.name = name;
    }

    LocalDate day() {
        return day;
    }

    DayKind kind() {
        return kind;
    }

    String name() {
        return name;
    }
}
