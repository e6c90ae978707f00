package org.lianxin.resident;

import java.time.Clock;

import org.lianxin.shared.Ids;
import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.PhoneNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SMS sender of the embedded default and the tests: keeps each message in the {@code dev_inbox}
 * table, where developers read it ({@code GET /api/v1/dev-inbox}). The phone is kept masked with its
 * blind index; nothing is logged, least of all the code.
 */
@Component
@ConditionalOnProperty(name = "lianxin.sms.sender", havingValue = "dev-inbox")
class DevInboxSmsSender implements SmsSender {

    private final JdbcTemplate jdbc;
    private final Ids ids;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    DevInboxSmsSender(JdbcTemplate jdbc, Ids ids, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public void send(String phone, String text) {
        jdbc.update("insert into dev_inbox (id, phone_masked, phone_index, text, created_at) values (?, ?, ?, ?, ?)",
                ids.next("dev_inbox_seq"), PhoneNumber.mask(phone), cipher.blindIndex(phone), text,
                java.sql.Timestamp.from(clock.instant()));
    }
}
