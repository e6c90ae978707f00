package org.lianxin.member;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lianxin.shared.SealedColumn;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The configured skill tags ({@code lianxin.member.skills}): code and labels per language; and the duties
 * printed on every responsibility card ({@code lianxin.member.card-duties}, Chinese by default).
 */
@ConfigurationProperties(prefix = "lianxin.member")
record MemberProperties(List<Skill> skills, List<String> cardDuties) {

    static final List<String> DEFAULT_CARD_DUTIES = List.of(
            "联系服务群众：定期走访责任区内住户，重点关注独居、高龄、困难群众，做到情况清、底数明。",
            "收集社情民意：倾听居民诉求，收集意见建议，及时向网格党支部和社区反映。",
            "参与网格治理：协助网格员巡查，参与矛盾纠纷化解、环境整治和安全隐患排查。",
            "宣传政策法规：向居民宣传党的方针政策和社区事务，带头移风易俗、文明新风。",
            "带头示范引领：亮身份、践承诺，积极参加志愿服务，接受群众监督。");

    record Skill(String code, Map<String, String> labels) {
        String label(Locale locale) {
            String label = labels == null ? null : labels.get(locale.getLanguage());
            return label != null ? label : labels == null ? code : labels.getOrDefault("zh", code);
        }
    }

    MemberProperties {
        skills = skills == null ? List.of() : List.copyOf(skills);
        cardDuties = cardDuties == null || cardDuties.isEmpty() ? DEFAULT_CARD_DUTIES : List.copyOf(cardDuties);
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
