package org.lianxin.access;

import java.time.Clock;

import org.lianxin.organization.Areas;
import org.lianxin.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo accounts (one per role, and a second community's secretary), all with the demo password
 * from README.md, loaded only under the embedded default. A start with the demo turned off refuses
 * to run while demo accounts exist.
 */
@Configuration(proxyBeanMethods = false)
class AccessDemo {

    private static final Logger log = LoggerFactory.getLogger(AccessDemo.class);

    /** username, display name, then pairs of role and place. */
    static final String[][] ACCOUNTS = {
            {"sysadmin", "王建国（系统管理员）", "SYSTEM_ADMIN", "三水区"},
            {"secadmin", "赵敏（安全管理员）", "SECURITY_ADMIN", "三水区"},
            {"auditor", "钱立（审计管理员）", "AUDIT_ADMIN", "三水区"},
            {"xinan", "周晓东（西南街道组织办）", "SUBDISTRICT_OFFICER", "西南街道"},
            {"beijiang", "梅丽华（北江社区党委书记）", "COMMUNITY_SECRETARY", "北江社区"},
            {"shatou", "罗文斌（沙头社区党委书记）", "COMMUNITY_SECRETARY", "沙头社区"},
            {"bjstaff", "孙悦（北江社区工作者）", "COMMUNITY_STAFF", "北江社区"},
            {"grid3", "吴海（北江社区第三网格网格员）", "GRID_WORKER", "北江社区第三网格"},
            {"louzhang", "林志强（时代城小区党员楼长）", "BUILDING_LEADER", "时代城小区", "MEMBER", "北江社区"},
            {"member", "刘明（在职党员）", "MEMBER", "北江社区"},
            {"resident", "陈美玲（居民）", "RESIDENT", "时代城小区"},
            {"telecom", "黄涛（中国电信联系人）", "PARTNER_CONTACT", "北江社区"},
    };

    @Bean
    @Order(20)
    ApplicationRunner demoAccounts(@Value("${lianxin.demo.enabled:false}") boolean demo,
                                   @Value("${lianxin.demo.password}") String password, AccountRepository accounts,
                                   Areas areas, PasswordEncoder encoder, Ids ids, Clock clock, TransactionTemplate tx) {
        return args -> {
            if (!demo) {
                if (accounts.existsByDemoTrue()) {
                    throw new IllegalStateException("Demo accounts with the published demo password exist, but the demo "
                            + "is off (lianxin.demo.enabled=false). Change their passwords or remove them before a "
                            + "production start.");
                }
                return;
            }
            tx.executeWithoutResult(status -> {
                if (accounts.count() > 0) {
                    return;
                }
                String hash = encoder.encode(password);
                for (String[] row : ACCOUNTS) {
                    Account account = new Account(ids.next("account_seq"), row[0], row[1], hash, true, clock.instant());
                    for (int i = 2; i + 1 < row.length; i += 2) {
                        String level = switch (row[i]) {
                            case "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN" -> "DISTRICT";
                            case "SUBDISTRICT_OFFICER" -> "SUBDISTRICT";
                            case "GRID_WORKER" -> "GRID";
                            case "BUILDING_LEADER" -> "COMPOUND";
                            case "RESIDENT" -> "COMPOUND";
                            default -> "COMMUNITY";
                        };
                        long areaId = areas.findByName(row[i + 1], level).orElseThrow().id();
                        account.assign(ids.next("role_assignment_seq"), Role.valueOf(row[i]), areaId, clock.instant());
                    }
                    accounts.save(account);
                }
                log.info("Loaded {} demo accounts; the demo password is in README.md", ACCOUNTS.length);
            });
        };
    }
}
