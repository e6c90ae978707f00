package org.lianxin.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;

import org.lianxin.shared.Spreadsheets.Column;
import org.lianxin.shared.Spreadsheets.Line;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Spreadsheet imports that run in the background. The {@code import_job} row is the truth about a job (state
 * QUEUED → RUNNING → DONE | FAILED, total, processed, imported, skipped, rejected), so any node answers for it; each
 * rejected line is an {@code import_row_issue} with a message key and arguments, rendered in the reader's language.
 * The file is read twice with the streaming reader (once to count, once to import) in batches of {@value #BATCH}
 * lines; the module's {@link Importer} validates and writes each batch and reports every line's outcome. Jobs run
 * on a small bounded executor ({@code lianxin.import.threads}, queue {@code lianxin.import.queue}) as the uploader.
 */
@Component
public class ImportJobs {

    public static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /** A job as the API answers it. */
    public record Job(long id, String kind, String username, String fileName, String state, int total, int processed,
                      int imported, int skipped, int rejected, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    /** What the database keeps beyond the view: who may see the job. */
    record Stored(Job job, long accountId, String scopePath, String readPermission) {
    }

    /** One rejected line: its number, the column (code, or null for the whole line) and why (key + arguments). */
    public record Issue(int row, String column, String messageKey, List<String> args) {
    }

    /** What a module does with the lines of a file: validate and write a batch, reporting each line once. */
    public interface Importer {

        /** Validates and writes one batch; calls exactly one of the outcome's methods for every line. */
        void batch(List<Line> lines, Outcome outcome);
    }

    /** Where an importer reports each line. */
    public interface Outcome {

        void imported(Line line);

        /** Already in the ledger: nothing changed. */
        void skipped(Line line);

        /** Not imported: why, with the column at fault (a column code, or null). Never pass a personal number. */
        void rejected(Line line, String column, String messageKey, Object... args);
    }

    /**
     * Writes a batch's checked lines the way every import does: a line whose key (the ID number's blind index) is
     * already recorded is skipped; the rest are written in one transaction; when that fails they are written one by
     * one, so that only the line at fault is rejected (a concurrent insert of the same number counts as skipped).
     *
     * @param existing which of the given keys are already recorded
     * @param write    writes some checked lines (inside the transaction this method opens)
     */
    public static <C> void writeBatch(List<C> checked, Function<C, Line> lineOf, Function<C, String> keyOf,
                                      Function<List<String>, Collection<String>> existing, TransactionTemplate tx,
                                      Consumer<List<C>> write, Outcome outcome) {
        Set<String> known = checked.isEmpty() ? Set.of() : new HashSet<>(existing.apply(checked.stream().map(keyOf).toList()));
        List<C> fresh = new ArrayList<>();
        for (C c : checked) {
            if (known.contains(keyOf.apply(c))) {
                outcome.skipped(lineOf.apply(c));
            } else {
                fresh.add(c);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> write.accept(fresh));
            fresh.forEach(c -> outcome.imported(lineOf.apply(c)));
        } catch (RuntimeException batchFailed) {
            for (C c : fresh) {
                try {
                    tx.executeWithoutResult(status -> write.accept(List.of(c)));
                    outcome.imported(lineOf.apply(c));
                } catch (ConflictException e) {
                    outcome.skipped(lineOf.apply(c));
                } catch (InvalidInputException e) {
                    var p = e.problems().get(0);
                    outcome.rejected(lineOf.apply(c), p.field(), p.messageKey(), p.args());
                } catch (RuntimeException e) {
                    outcome.rejected(lineOf.apply(c), null, "import.row.failed");
                }
            }
        }
    }

    /** The columns every roster has — name, ID number, mobile phone — as read and checked; null where missing or wrong. */
    public record Person(String name, String idNumber, String idNumberIndex, String phone) {
    }

    /**
     * Checks a line's name (required, ≤ 100), ID number (required, valid form and check character, not repeated in the
     * file: {@code firstLineOfIndex} remembers where each number was first seen) and mobile phone (optional, 11 digits),
     * adding a report for each problem to {@code problems}. Messages never carry the numbers.
     */
    public static Person checkPerson(Line line, Outcome outcome, List<Runnable> problems, Map<String, Integer> firstLineOfIndex,
                                     PersonalDataCipher cipher, String mobilePattern) {
        String name = line.get("name");
        if (name == null) {
            problems.add(() -> outcome.rejected(line, "name", "import.required"));
        } else if (name.length() > 100) {
            problems.add(() -> outcome.rejected(line, "name", "import.too-long", 100));
        }
        String rawId = line.get("idNumber");
        String index = null;
        if (rawId == null) {
            problems.add(() -> outcome.rejected(line, "idNumber", "import.required"));
        } else if (!IdNumber.isValid(rawId)) {
            String n = IdNumber.normalize(rawId);
            boolean checksum = n.matches("\\d{17}[0-9X]")
                    && IdNumber.isValid(n.substring(0, 17) + IdNumber.checkCharacter(n.substring(0, 17)));
            problems.add(() -> outcome.rejected(line, "idNumber", checksum ? "import.id-number.checksum" : "import.id-number.invalid"));
        } else {
            index = cipher.blindIndex(IdNumber.normalize(rawId));
            Integer first = firstLineOfIndex.putIfAbsent(index, line.number());
            if (first != null) {
                int firstLine = first;
                problems.add(() -> outcome.rejected(line, "idNumber", "import.duplicate-in-file", firstLine));
            }
        }
        String phone = line.get("phone");
        if (phone != null) {
            phone = phone.replace(" ", "").replace("-", "");
            if (!phone.matches(mobilePattern)) {
                problems.add(() -> outcome.rejected(line, "phone", "import.phone.invalid"));
            }
        }
        return new Person(name, rawId, index, phone);
    }

    /**
     * The one record a line's cell names: none or several are reported on that column with
     * {@code import.<column>.unknown} or {@code import.<column>.ambiguous}, and the answer is null.
     */
    public static <T> T single(List<T> found, Line line, String column, String name, Outcome outcome,
                               List<Runnable> problems) {
        if (found.size() == 1) {
            return found.get(0);
        }
        String key = "import." + column + (found.isEmpty() ? ".unknown" : ".ambiguous");
        problems.add(() -> outcome.rejected(line, column, key, name));
        return null;
    }

    /** A label as staff may type it, for matching: trimmed, lower case. */
    public static String normalize(String text) {
        return text.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The values of a cell holding several: separated by 、 , ， ; ； / or spaces. */
    public static List<String> parts(String cell) {
        return java.util.Arrays.stream(cell.split("[、,，;；/\\s]+")).filter(p -> !p.isBlank()).map(String::strip).toList();
    }

    /** Every constant of an enum by its code and by its Chinese and English labels ({@code <prefix><CODE>}), normalised. */
    public static <E extends Enum<E>> Map<String, E> byLabel(E[] values, String messagePrefix,
                                                             org.springframework.context.MessageSource messages) {
        Map<String, E> map = new java.util.HashMap<>();
        for (E value : values) {
            map.put(normalize(value.name()), value);
            for (java.util.Locale locale : List.of(java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH)) {
                map.put(normalize(messages.getMessage(messagePrefix + value.name(), null, value.name(), locale)), value);
            }
        }
        return map;
    }

    private final JdbcTemplate jdbc;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ThreadPoolExecutor executor;

    ImportJobs(JdbcTemplate jdbc, Ids ids, Clock clock, PlatformTransactionManager transactions,
               @Value("${lianxin.import.threads:1}") int threads, @Value("${lianxin.import.queue:8}") int queue) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "import-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Checks the upload (present, an .xlsx, the required columns named on its first row), records the job and starts
     * it. Answers at once; the job row tells the progress.
     *
     * @param scope          where the uploader may import: the job is visible to whoever reads that part of the tree
     * @param readPermission the permission that lets others see the job (e.g. {@code member:member:read})
     */
    public Job submit(String kind, Actor actor, String readPermission, Scope scope, MultipartFile file,
                      List<Column> columns, java.util.function.LongFunction<Importer> importer) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "validation.required");
        }
        Path temp;
        try {
            temp = Files.createTempFile("lianxin-import-", ".xlsx");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InvalidInputException("file", "import.file.unreadable");
        }
        try {
            Spreadsheets.Header header = Spreadsheets.headers(temp, columns);
            List<String> missing = columns.stream().filter(Column::required).filter(c -> !header.codes().contains(c.code()))
                    .map(c -> c.zh() + "/" + c.en()).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("file", "import.file.missing-columns", String.join("、", missing));
            }
        } catch (RuntimeException e) {
            delete(temp);
            throw e;
        }
        long id = ids.next("import_job_seq");
        Instant now = clock.instant();
        String name = file.getOriginalFilename() == null ? "upload.xlsx" : file.getOriginalFilename();
        name = name.length() > 300 ? name.substring(name.length() - 300) : name;
        jdbc.update("insert into import_job (id, kind, account_id, username, scope_path, read_permission, file_name, state, "
                        + "total_rows, processed, imported, skipped, rejected, created_at) values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', "
                        + "0, 0, 0, 0, 0, ?)", id, kind, actor.accountId(), actor.username(), commonPath(scope),
                readPermission, name, Timestamp.from(now));
        Authentication uploader = SecurityContextHolder.getContext().getAuthentication();
        try {
            Importer run = importer.apply(id);
            executor.execute(() -> run(id, temp, columns, run, uploader));
        } catch (RejectedExecutionException e) {
            delete(temp);
            jdbc.update("update import_job set state = 'FAILED', failure = 'busy', finished_at = ? where id = ?",
                    Timestamp.from(clock.instant()), id);
            throw new ConflictException("import-busy", "import.busy");
        }
        return find(id).orElseThrow().job();
    }

    private void run(long id, Path file, List<Column> columns, Importer importer, Authentication uploader) {
        SecurityContextHolder.getContext().setAuthentication(uploader);
        long started = System.currentTimeMillis();
        try {
            int total = Spreadsheets.count(file, columns);
            jdbc.update("update import_job set state = 'RUNNING', total_rows = ?, started_at = ? where id = ?", total,
                    Timestamp.from(clock.instant()), id);
            Progress progress = new Progress(id);
            List<Line> batch = new ArrayList<>(BATCH);
            Spreadsheets.read(file, columns, line -> {
                batch.add(line);
                if (batch.size() >= BATCH) {
                    progress.run(importer, batch);
                    batch.clear();
                }
                return true;
            });
            if (!batch.isEmpty()) {
                progress.run(importer, batch);
            }
            jdbc.update("update import_job set state = 'DONE', finished_at = ? where id = ?", Timestamp.from(clock.instant()), id);
            log.info("import job {} done in {} ms: {} lines, {} imported, {} skipped, {} rejected", id,
                    System.currentTimeMillis() - started, progress.processed, progress.imported, progress.skipped,
                    progress.rejected);
        } catch (RuntimeException | Error e) {
            log.warn("import job {} failed: {}", id, e.getClass().getSimpleName(), e);
            jdbc.update("update import_job set state = 'FAILED', failure = ?, finished_at = ? where id = ?",
                    e.getClass().getSimpleName(), Timestamp.from(clock.instant()), id);
        } finally {
            SecurityContextHolder.clearContext();
            delete(file);
        }
    }

    /** Counts of a running job; each batch's outcome is saved with its issues in one short transaction. */
    private final class Progress {
        final long id;
        int processed;
        int imported;
        int skipped;
        int rejected;
        int issueSeq;

        Progress(long id) {
            this.id = id;
        }

        void run(Importer importer, List<Line> lines) {
            List<Issue> issues = new ArrayList<>();
            java.util.Set<Integer> reported = new java.util.HashSet<>();
            int[] counts = new int[3];
            importer.batch(List.copyOf(lines), new Outcome() {
                public void imported(Line line) {
                    if (reported.add(line.number())) {
                        counts[0]++;
                    }
                }

                public void skipped(Line line) {
                    if (reported.add(line.number())) {
                        counts[1]++;
                    }
                }

                public void rejected(Line line, String column, String messageKey, Object... args) {
                    if (reported.add(line.number())) {
                        counts[2]++;
                    }
                    List<String> text = new ArrayList<>();
                    for (Object a : args) {
                        text.add(String.valueOf(a));
                    }
                    issues.add(new Issue(line.number(), column, messageKey, text));
                }
            });
            processed += lines.size();
            imported += counts[0];
            skipped += counts[1];
            rejected += counts[2];
            tx.executeWithoutResult(status -> {
                for (Issue issue : issues) {
                    jdbc.update("insert into import_row_issue (job_id, seq, row_number, column_name, message_key, message_args) "
                                    + "values (?, ?, ?, ?, ?, ?)", id, ++issueSeq, issue.row(), issue.column(), issue.messageKey(),
                            issue.args().isEmpty() ? null : String.join("\u001f", issue.args()));
                }
                jdbc.update("update import_job set processed = ?, imported = ?, skipped = ?, rejected = ? where id = ?",
                        processed, imported, skipped, rejected, id);
            });
        }
    }

    /** The job if it exists, with what decides who may see it. */
    Optional<Stored> find(long id) {
        return jdbc.query("select * from import_job where id = ?", STORED, id).stream().findFirst();
    }

    /** The issues of a job, by row number, one page. */
    List<Issue> issues(long id, int offset, int limit) {
        return jdbc.query("select row_number, column_name, message_key, message_args from import_row_issue where job_id = ? "
                + "order by row_number, seq offset ? rows fetch next ? rows only", (rs, n) -> new Issue(rs.getInt(1),
                rs.getString(2), rs.getString(3), rs.getString(4) == null ? List.of()
                : List.of(rs.getString(4).split("\u001f", -1))), id, offset, limit);
    }

    long countIssues(long id) {
        return jdbc.queryForObject("select count(*) from import_row_issue where job_id = ?", Long.class, id);
    }

    private static final RowMapper<Stored> STORED = (rs, n) -> new Stored(new Job(rs.getLong("id"), rs.getString("kind"),
            rs.getString("username"), rs.getString("file_name"), rs.getString("state"), rs.getInt("total_rows"),
            rs.getInt("processed"), rs.getInt("imported"), rs.getInt("skipped"), rs.getInt("rejected"),
            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("finished_at"))), rs.getLong("account_id"), rs.getString("scope_path"),
            rs.getString("read_permission"));

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The deepest path that holds every prefix of the scope ("/" when they share nothing but the root). */
    static String commonPath(Scope scope) {
        List<String> prefixes = scope.prefixes();
        if (prefixes.isEmpty()) {
            return "/";
        }
        String common = prefixes.get(0);
        for (String p : prefixes) {
            while (!p.startsWith(common)) {
                common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
            }
        }
        return common;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}", file);
        }
    }
}
