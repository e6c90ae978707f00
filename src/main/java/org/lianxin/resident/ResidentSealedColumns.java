package org.lianxin.resident;

import org.lianxin.shared.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sealed columns of this module, so that a key rotation re-seals them too. */
@Configuration(proxyBeanMethods = false)
class ResidentSealedColumns {

    @Bean
    SealedColumn residentIdNumber() {
        return new SealedColumn("resident", "id_number_cipher", "id_number_index");
    }

    @Bean
    SealedColumn residentPhone() {
        return new SealedColumn("resident", "phone_cipher", "phone_index");
    }

    @Bean
    SealedColumn signupIdNumber() {
        return new SealedColumn("resident_signup", "id_number_cipher", "id_number_index");
    }

    @Bean
    SealedColumn signupPhone() {
        return new SealedColumn("resident_signup", "phone_cipher", "phone_index");
    }
}
