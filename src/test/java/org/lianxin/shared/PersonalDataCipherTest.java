package org.lianxin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class PersonalDataCipherTest {

    private static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
    }

    private static PersonalDataCipher cipher(String key, String... previous) {
        return new PersonalDataCipher(key, "/nonexistent/key", false, List.of(previous));
    }

    @Test
    void sealedValuesOpenAgainButNeverShowThePlainText() {
        PersonalDataCipher cipher = cipher(key('a'));
        PersonalDataCipher.Sealed one = cipher.seal("13800138001");
        PersonalDataCipher.Sealed two = cipher.seal("13800138001");

        assertThat(one.cipherText()).doesNotContain("13800138001").isNotEqualTo(two.cipherText());
        assertThat(one.blindIndex()).isEqualTo(two.blindIndex()).hasSize(64);
        assertThat(cipher.open(one.cipherText())).isEqualTo("13800138001");
    }

    @Test
    void anotherKeyCannotOpenThemAndATamperedValueIsRefused() {
        PersonalDataCipher.Sealed sealed = cipher(key('a')).seal("13800138001");
        assertThatThrownBy(() -> cipher(key('b')).open(sealed.cipherText())).isInstanceOf(IllegalStateException.class);
        byte[] bytes = Base64.getDecoder().decode(sealed.cipherText());
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher(key('a')).open(Base64.getEncoder().encodeToString(bytes)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStartWithoutAKeyIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new PersonalDataCipher("", "/nonexistent/key", false, List.of()))
                .hasMessageContaining("LIANXIN_CRYPTO_KEY");
    }

    @Test
    void aKeyRotationReSealsEveryValueWithTheNewKey() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:rotation;DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.execute("create table person (id bigint primary key, phone_cipher varchar(200), phone_index varchar(64))");
        PersonalDataCipher old = cipher(key('a'));
        for (int i = 1; i <= 1200; i++) {
            PersonalDataCipher.Sealed s = old.seal(String.format("1380000%04d", i));
            jdbc.update("insert into person values (?, ?, ?)", i, s.cipherText(), s.blindIndex());
        }
        jdbc.update("insert into person values (0, null, null)");
        PersonalDataCipher rotating = cipher(key('n'), key('a'));
        KeyRotation rotation = new KeyRotation(List.of(new SealedColumn("person", "phone_cipher", "phone_index")),
                rotating, jdbc, new TransactionTemplate(new DataSourceTransactionManager(db)), null);

        assertThat(rotation.rotate()).isEqualTo(1200);

        PersonalDataCipher fresh = cipher(key('n'));
        String sealed = jdbc.queryForObject("select phone_cipher from person where id = 77", String.class);
        assertThat(fresh.open(sealed)).isEqualTo("13800000077");
        assertThat(jdbc.queryForObject("select phone_index from person where id = 77", String.class))
                .isEqualTo(fresh.blindIndex("13800000077"));
        assertThatThrownBy(() -> old.open(sealed)).isInstanceOf(IllegalStateException.class);
    }
}
