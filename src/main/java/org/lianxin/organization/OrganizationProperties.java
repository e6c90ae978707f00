package org.lianxin.organization;

import java.util.List;

import org.lianxin.shared.SealedColumn;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The configured levels of the area tree and the Party organisation tree. */
@ConfigurationProperties(prefix = "lianxin")
public record OrganizationProperties(Tree area, Tree orgUnit) {

    public record Tree(List<Level> levels) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Levels {

        @Bean
        AreaLevels areaLevels(OrganizationProperties properties) {
            return new AreaLevels(properties.area().levels());
        }

        @Bean
        OrgUnitLevels orgUnitLevels(OrganizationProperties properties) {
            return new OrgUnitLevels(properties.orgUnit().levels());
        }

        /** This module's sealed personal data, re-sealed by a key rotation. */
        @Bean
        SealedColumn partnerContactPhone() {
            return new SealedColumn("partner_contact", "phone_cipher", "phone_index");
        }

        @Bean
        SealedColumn gridRolePhone() {
            return new SealedColumn("grid_role", "phone_cipher", "phone_index");
        }
    }
}
