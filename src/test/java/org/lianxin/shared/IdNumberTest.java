package org.lianxin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdNumberTest {

    /** A made-up number with a correct check character: 440104 (广州越秀) 1960-03-15, sequence 123. */
    private static String valid(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    @Test
    void aNumberWithTheRightCheckCharacterIsAcceptedAndTellsBirthAndGender() {
        IdNumber id = new IdNumber(valid("44010419600315123"));
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1960, 3, 15));
        assertThat(id.gender()).isEqualTo("M");
        assertThat(id.masked()).isEqualTo("4401**********" + id.value().substring(14));
        assertThat(id.toString()).doesNotContain("1960");
    }

    @Test
    void aWrongCheckCharacterAWrongDateOrShapeIsRefused() {
        String good = valid("44010419600315124");
        char wrong = good.charAt(17) == '1' ? '2' : '1';
        assertThat(IdNumber.isValid(good)).isTrue();
        assertThat(IdNumber.isValid(good.substring(0, 17) + wrong)).isFalse();
        assertThat(IdNumber.isValid(valid("44010419601315123"))).isFalse();
        assertThat(IdNumber.isValid("4401041960031512")).isFalse();
        assertThat(IdNumber.isValid(null)).isFalse();
        assertThatThrownBy(() -> new IdNumber("123")).hasMessageNotContaining("123");
    }

    @Test
    void aLowerCaseXIsTheSameAsAnUpperCaseOne() {
        for (int seq = 100; seq < 200; seq++) {
            String first17 = "44010419600315" + seq;
            if (IdNumber.checkCharacter(first17) == 'X') {
                assertThat(new IdNumber(first17 + "x").value()).endsWith("X");
                return;
            }
        }
        throw new AssertionError("no X check character in the range tried");
    }
}
