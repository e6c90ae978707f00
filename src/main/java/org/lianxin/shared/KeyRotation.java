package org.lianxin.shared;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals every {@link SealedColumn} with the current key: start Lianxin once with the new key in
 * {@code LIANXIN_CRYPTO_KEY}, the old one in {@code LIANXIN_CRYPTO_PREVIOUS_KEYS} and
 * {@code --lianxin.crypto.rotate=true}; it re-encrypts and re-indexes in batches, then exits.
 * Running it twice does no harm. See docs/operations.md.
 */
@Component
@ConditionalOnProperty(name = "lianxin.crypto.rotate", havingValue = "true")
public class KeyRotation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final int BATCH = 500;

    private final List<SealedColumn> columns;
    private final PersonalDataCipher cipher;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ConfigurableApplicationContext context;

    KeyRotation(List<SealedColumn> columns, PersonalDataCipher cipher, JdbcTemplate jdbc, TransactionTemplate tx,
                ConfigurableApplicationContext context) {
        this.columns = columns;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.tx = tx;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        long total = rotate();
        log.info("Key rotation done: {} values re-sealed with the current key; drop the previous key from the "
                + "configuration now", total);
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** Re-seals every value of every sealed column; returns how many. */
    public long rotate() {
        long total = 0;
        for (SealedColumn column : columns) {
            long after = Long.MIN_VALUE;
            long done = 0;
            while (true) {
                List<Map<String, Object>> rows = jdbc.queryForList("select id, " + column.cipherColumn() + " as sealed from "
                        + column.table() + " where id > ? and " + column.cipherColumn() + " is not null order by id limit ?",
                        after, BATCH);
                if (rows.isEmpty()) {
                    break;
                }
                tx.executeWithoutResult(s -> {
                    for (Map<String, Object> row : rows) {
                        PersonalDataCipher.Sealed sealed = cipher.seal(cipher.open((String) row.get("sealed")));
                        jdbc.update("update " + column.table() + " set " + column.cipherColumn() + " = ?, "
                                + column.indexColumn() + " = ? where id = ?", sealed.cipherText(), sealed.blindIndex(),
                                row.get("id"));
                    }
                });
                done += rows.size();
                after = ((Number) rows.get(rows.size() - 1).get("id")).longValue();
                log.info("re-sealed {} values of {}.{}", done, column.table(), column.cipherColumn());
            }
            total += done;
        }
        return total;
    }
}
