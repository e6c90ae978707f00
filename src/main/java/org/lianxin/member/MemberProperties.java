package org.lianxin.member;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lianxin.shared.SealedColumn;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The configured skill tags ({@code lianxin.member.skills}): code and labels per language. */
@ConfigurationProperties(prefix = "lianxin.member")
record MemberProperties(List<Skill> skills) {

    record Skill(String code, Map<String, String> labels) {
        String label(Locale locale) {
            String label = labels == null ? null : labels.get(locale.getLanguage());
            return label != null ? label : labels == null ? code : labels.getOrDefault("zh", code);
        }
    }

    MemberProperties {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    boolean knows(String code) {
        return skills.stream().anyMatch(s -> s.code().equals(code));
    }

    String label(String code, Locale locale) {
        return skills.stream().filter(s -> s.code().equals(code)).findFirst().map(s -> s.label(locale)).orElse(code);
    }

    @Configuration(proxyBeanMethods = false)
    static class Columns {

        /** This module's sealed personal data, re-sealed by a key rotation. */
        @Bean
        SealedColumn memberIdNumber() {
            return new SealedColumn("member", "id_number_cipher", "id_number_index");
        }

        @Bean
        SealedColumn memberPhone() {
            return new SealedColumn("member", "phone_cipher", "phone_index");
        }
    }
}
