-- The working calendar: days that differ from the week (public holidays on weekdays, weekend days worked
-- to make up for them), loaded per year by an administrator. Deadlines in working days and hours use it.
CREATE TABLE calendar_year (
    calendar_year INTEGER      PRIMARY KEY,
    loaded_at     TIMESTAMP WITH TIME ZONE,
    loaded_by     VARCHAR(100),
    source        VARCHAR(200),
    version       BIGINT       NOT NULL
);

CREATE TABLE calendar_day (
    calendar_date DATE         PRIMARY KEY,
    calendar_year INTEGER      NOT NULL,
    kind          VARCHAR(10)  NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name          VARCHAR(40)  NOT NULL
);

CREATE INDEX calendar_day_year ON calendar_day (calendar_year);
