package org.lianxin.casework;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A year whose holidays have been loaded, by whom and when; without it the year follows the week only. */
@Entity
@Table(name = "calendar_year")
class CalendarYear {

    @Id
    @Column(name = "calendar_year")
    private int year;
    @Column(name = "loaded_at")
    private Instant loadedAt;
    @Column(name = "loaded_by")
    private String loadedBy;
    private String source;
    @Version
    private Long version;

    protected CalendarYear() {
    }

    CalendarYear(int year) {
        this.year = year;
    }

    void loaded(String by, String source, Instant at) {
        this.loadedBy = by;
        this.source = source;
        this.loadedAt = at;
    }

    int year() {
        return year;
    }

    Instant loadedAt() {
        return loadedAt;
    }

    String loadedBy() {
        return loadedBy;
    }

    String source() {
        return source;
    }

    Long version() {
        return version;
    }
}
