package org.lianxin.member;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.lianxin.member.MemberEvents.BuildingLeaderAppointed;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.resident.Residents;
import org.lianxin.resident.Residents.ResidentRef;
import org.lianxin.shared.AccountDirectory;
import org.lianxin.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo building leaders of 时代城小区: a recruitment for 1座–3座; 林志强 ({@code louzhang}) nominated
 * himself and leads 1座 and 2座 with a letter; 郑家豪 was declined; 何秀英, recommended by 陈美玲
 * ({@code resident}), waits. 陈美玲 wrote three letters to 1座's mailbox: one answered (with a photo), one
 * anonymous and new, one left unanswered long enough to be overdue.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianxin.demo.enabled", havingValue = "true")
class BuildingLeaderDemo {

    private static final Logger log = LoggerFactory.getLogger(BuildingLeaderDemo.class);

    /** A small PNG (a red roof over a yellow wall) standing in for a resident's photo. */
    static final String PHOTO = "iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAAPklEQVR4nO3OMQ0AIAwAsGniRhgSEYESrrlgS2hSAY09RytRPhASE"
            + "hKqHggJCb0O3bNaERISEqomJCT0XSgBlUKMl3IycHwAAAAASUVORK5CYII=";

    @Bean
    @Order(50)
    ApplicationRunner demoBuildingLeaders(BuildingLeaderRecruitmentRepository recruitments,
                                          BuildingLeaderNominationRepository nominations, BuildingLeaderRepository leaders,
                                          MailboxMessageRepository messages, MailboxPhotoRepository photos,
                                          MemberRepository members, Areas areas, Residents residents,
                                          AccountDirectory accounts, ApplicationEventPublisher events, Ids ids, Clock clock,
                                          TransactionTemplate tx, MemberNotices notices) {
        return args -> tx.executeWithoutResult(status -> {
            Optional<AreaRef> community = areas.findByName("北江社区", "COMMUNITY");
            Optional<AreaRef> compound = areas.findByName("时代城小区", "COMPOUND");
            Optional<Member> lin = members.findFirstByName("林志强");
            if (recruitments.count() > 0 || community.isEmpty() || compound.isEmpty() || lin.isEmpty()) {
                return;
            }
            List<AreaRef> buildings = areas.children(compound.get().id(), "BUILDING").stream()
                    .filter(b -> List.of("1座", "2座", "3座").contains(b.name())).toList();
            if (buildings.size() < 3) {
                return;
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
            String secretary = "梅丽华（北江社区党委书记）";
            BuildingLeaderRecruitment recruitment = new BuildingLeaderRecruitment(ids.next("building_leader_seq"),
                    community.get(), compound.get(), buildings, "时代城小区党员楼长招募令",
                    "为更好服务楼栋居民，现面向居住在时代城小区的党员招募党员楼长。楼长负责联系本楼栋居民、收集社情民意、"
                            + "回复楼长信箱来信，协助社区开展政策宣传和志愿服务。欢迎党员自荐，也欢迎居民推荐身边的优秀党员。",
                    today.plusDays(30), secretary, now.minusSeconds(86_400L * 12), today);
            recruitments.save(recruitment);
            List<Long> oneTwo = buildings.stream().filter(b -> !b.name().equals("3座")).map(AreaRef::id).toList();
            long three = buildings.stream().filter(b -> b.name().equals("3座")).findFirst().orElseThrow().id();

            BuildingLeaderNomination self = new BuildingLeaderNomination(ids.next("building_leader_seq"), recruitment,
                    lin.get(), oneTwo, "我在时代城住了十多年，熟悉1座、2座的住户，愿意当好楼长，为邻里办实事。", null,
                    now.minusSeconds(86_400L * 10));
            self.approve(oneTwo, secretary, now.minusSeconds(86_400L * 7));
            nominations.save(self);
            LocalDate start = today.minusDays(7);
            BuildingLeader leader = new BuildingLeader(ids.next("building_leader_seq"), lin.get(), recruitment, self.id(),
                    oneTwo, start, start.plusYears(3).minusDays(1), "楼长聘〔" + start.getYear() + "〕001号", secretary,
                    now.minusSeconds(86_400L * 7));
            leaders.save(leader);
            events.publishEvent(new BuildingLeaderAppointed(leader.id(), leader.memberId(), leader.accountId(),
                    leader.buildingIds(), leader.letterNumber()));
            notices.tell(java.util.Collections.singletonList(leader.accountId()), "leader-nomination.approved", "/m/leaders",
                    "BuildingLeaderNomination", self.id(), "林志强", "1座、2座");

            members.findFirstByName("郑家豪").ifPresent(zheng -> {
                BuildingLeaderNomination declined = new BuildingLeaderNomination(ids.next("building_leader_seq"),
                        recruitment, zheng, List.of(three), "我是大学生党员，周末在家，可以帮忙。", null,
                        now.minusSeconds(86_400L * 9));
                declined.decline("感谢您的热心！您平时在校学习，难以及时回应居民来信，欢迎寒暑假参加楼栋志愿服务。", secretary,
                        now.minusSeconds(86_400L * 6));
                nominations.save(declined);
            });
            Optional<ResidentRef> chen = accounts.idOf("resident").flatMap(residents::ofAccount);
            members.findFirstByName("何秀英").ifPresent(he -> nominations.save(new BuildingLeaderNomination(
                    ids.next("building_leader_seq"), recruitment, he, List.of(three), "何阿姨热心肠，3座的老人都信得过她。",
                    chen.map(r -> new BuildingLeaderNomination.Recommender(r.id(), accounts.idOf("resident").orElseThrow(),
                            r.name())).orElse(null), now.minusSeconds(86_400L * 2))));

            if (chen.isPresent()) {
                long account = accounts.idOf("resident").orElseThrow();
                MailboxMessage answered = new MailboxMessage(ids.next("building_leader_seq"), chen.get(), account,
                        "1座电梯这周已经停了两次，老人上下楼很不方便，能否请物业尽快检修？", false,
                        now.minusSeconds(86_400L * 6));
                answered.answer("陈姐您好，已联系物业，维修师傅周四上午更换了控制板，这几天运行正常。有问题随时找我。林志强",
                        "林志强（时代城小区党员楼长）", now.minusSeconds(86_400L * 5));
                MailboxMessage overdue = new MailboxMessage(ids.next("building_leader_seq"), chen.get(), account,
                        "楼下单车棚的灯坏了，晚上很黑，希望能修一下。", false, now.minusSeconds(86_400L * 5));
                MailboxMessage anonymous = new MailboxMessage(ids.next("building_leader_seq"), chen.get(), account,
                        "15楼有住户在楼道堆放杂物，影响消防通道，希望楼长帮忙提醒一下。", true, now.minusSeconds(3600L * 20));
                messages.saveAll(List.of(answered, overdue, anonymous));
                photos.save(new MailboxPhoto(ids.next("building_leader_seq"), answered.id(), Base64.getDecoder().decode(PHOTO),
                        "photos[0]"));
                // their inboxes, as the live steps would have filled them
                notices.tell(List.of(account), "mailbox.answered", "/m/mailbox", "MailboxMessage", answered.id(),
                        MemberNotices.snippet(answered.answer()));
                notices.tellLeadersOf(overdue.buildingId(), "mailbox.overdue", "MailboxMessage", overdue.id(), "3",
                        MemberNotices.snippet(overdue.text()));
                notices.tellLeadersOf(anonymous.buildingId(), "mailbox.new", "MailboxMessage", anonymous.id(),
                        MemberNotices.snippet(anonymous.text()));
            }
            log.info("Loaded the demo building leaders and mailbox of 时代城小区");
        });
    }
}
