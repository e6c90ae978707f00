package org.lianxin.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.lianxin.member.PartyMembers;
import org.lianxin.member.PartyMembers.MemberRef;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.AccountDirectory;
import org.lianxin.shared.Ids;
import org.lianxin.volunteer.VolunteerEvents.ActivityAttended;
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
 * The demo activities of 北江社区 (story S7): the dengue clean-up (登革热防控大扫除) in three days with 120
 * places and the community's members signed up; a free clinic wanting medical skills; the duty at the Party-masses
 * service station going on right now (刘明, {@code member}, can check in with the code 梅丽华 shows); last week's
 * riverbank clean-up run by the service team 北江社区党员先锋服务队, with its attendance confirmed (hours credited);
 * and one of 沙头社区. Loaded after members.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianxin.demo.enabled", havingValue = "true")
class VolunteerDemo {

    private static final Logger log = LoggerFactory.getLogger(VolunteerDemo.class);
    private static final String SECRETARY = "梅丽华（北江社区党委书记）";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Bean
    @Order(55)
    ApplicationRunner demoActivities(ActivityRepository activities, ActivityCoverRepository covers, ServiceTeamRepository teams,
                                     CampaignRepository campaigns, CampaignActionRepository campaignActions,
                                     SignUpRepository signUps, SignUpDesk desk,
                                     PartyMembers members, Areas areas, AccountDirectory accounts, Ids ids,
                                     ApplicationEventPublisher events, Clock clock, TransactionTemplate tx) {
        return args -> tx.executeWithoutResult(status -> {
            Optional<AreaRef> beijiang = areas.findByName("北江社区", "COMMUNITY");
            Optional<AreaRef> shatou = areas.findByName("沙头社区", "COMMUNITY");
            Optional<Long> secretary = accounts.idOf("beijiang");
            if (activities.count() > 0 || beijiang.isEmpty() || secretary.isEmpty()) {
                return;
            }
            List<MemberRef> people = members.ofCommunity(beijiang.get().id());
            if (people.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.now(clock.withZone(CHINA));
            long by = secretary.get();

            // the subdistrict's 百日先锋行动 with its eight actions, rolled out to its communities
            Long homeAction = null;
            Optional<AreaRef> xinan = areas.findByName("西南街道", "SUBDISTRICT");
            if (xinan.isPresent()) {
                Campaign pioneer = new Campaign(ids.next("activity_seq"), "百日先锋行动",
                        "党员百日先锋行动：政策宣讲、关爱困难党员群众、守护家园环境等八项行动，人人参与、社区比学赶超。",
                        new Activity.Where(xinan.get().id(), xinan.get().name(), xinan.get().path()),
                        today.minusDays(20), today.plusDays(80), "周晓东（西南街道组织办）", now.minus(Duration.ofDays(21)));
                campaigns.saveAndFlush(pioneer);
                int seq = 0;
                for (String name : CampaignController.EIGHT_ACTIONS) {
                    CampaignAction action = campaignActions.save(new CampaignAction(ids.next("activity_seq"), pioneer.id(),
                            ++seq, name));
                    if ("守护家园环境".equals(name)) {
                        homeAction = action.id();
                    }
                }
                List<Campaign.Community> below = areas.children(xinan.get().id(), "COMMUNITY").stream()
                        .map(c -> new Campaign.Community(c.id(), c.name(), c.path())).toList();
                if (!below.isEmpty()) {
                    pioneer.rollOut(below, now.minus(Duration.ofDays(20)));
                }
                campaigns.saveAndFlush(pioneer);
            }

            Activity dengue = activity(ids, beijiang.get(), "登革热防控大扫除",
                    "清理小区积水容器、翻盆倒罐，清除蚊虫孳生地；请穿长袖长裤，社区提供手套、垃圾袋和驱蚊液。",
                    "北江社区党群服务中心门前集合", at(today.plusDays(3), 8, 30), at(today.plusDays(3), 11, 30), 120,
                    List.of(), Activity.OrganiserKind.COMMUNITY, "北江社区党委", by, now.minus(Duration.ofDays(2)));
            if (homeAction != null) {
                dengue.tagTo(homeAction);
            }
            activities.saveAndFlush(dengue);
            covers.save(new ActivityCover(dengue.id(), cover()));
            int i = 0;
            for (MemberRef m : people) {
                desk.signUp(dengue.id(), new SignUpDesk.Volunteer(m.id(), m.accountId(), m.name()),
                        now.minus(Duration.ofHours(40 - i++)));
            }

            Activity clinic = activity(ids, beijiang.get(), "社区义诊进楼栋",
                    "为时代城小区行动不便的老人上门量血压、测血糖，讲解慢病用药；需要有医护背景的党员。",
                    "时代城小区 3 座架空层", at(today.plusDays(6), 9, 0), at(today.plusDays(6), 12, 0), 8,
                    List.of("MEDICAL"), Activity.OrganiserKind.GRID_BRANCH, "北江社区第一网格党支部", by,
                    now.minus(Duration.ofDays(1)));
            activities.saveAndFlush(clinic);

            Instant dutyStart = now.minus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            Activity duty = activity(ids, beijiang.get(), "党群服务站值守",
                    "在党群服务站接待居民咨询、帮助老人使用手机办事。", "北江社区党群服务站",
                    dutyStart, dutyStart.plus(Duration.ofHours(3)), 4, List.of(), Activity.OrganiserKind.COMMUNITY,
                    "北江社区党委", by, now.minus(Duration.ofDays(3)));
            activities.saveAndFlush(duty);
            people.stream().filter(m -> m.accountId() != null).limit(3).forEach(m -> desk.signUp(duty.id(),
                    new SignUpDesk.Volunteer(m.id(), m.accountId(), m.name()), now.minus(Duration.ofDays(2))));

            Activity river = activity(ids, beijiang.get(), "北江河堤白色垃圾清理",
                    "沿北江河堤清理塑料袋、饮料瓶等白色垃圾，分类装袋。", "北江大堤三水段", at(today.minusDays(5), 15, 0),
                    at(today.minusDays(5), 17, 30), 20, List.of(), Activity.OrganiserKind.PARTNER_UNIT,
                    "中国电信佛山三水分公司党委", by, now.minus(Duration.ofDays(10)));
            ServiceTeam vanguard = new ServiceTeam(ids.next("activity_seq"), "北江社区党员先锋服务队", ServiceTeam.Kind.INITIATIVE,
                    "退休党员和在职党员自发组成，守护北江河堤和小区环境，每月至少出动一次。",
                    new Activity.Where(beijiang.get().id(), beijiang.get().name(), beijiang.get().path()),
                    people.get(0).id(), people.get(0).name(), SECRETARY, now.minus(Duration.ofDays(30)));
            people.stream().skip(1).limit(5).forEach(m -> vanguard.add(m.id(), m.name(), now.minus(Duration.ofDays(29))));
            teams.saveAndFlush(vanguard);
            river.runBy(vanguard);
            if (homeAction != null) {
                river.tagTo(homeAction);
            }
            activities.saveAndFlush(river);
            List<SignUp> lines = people.stream().limit(6).map(m -> desk.signUp(river.id(),
                    new SignUpDesk.Volunteer(m.id(), m.accountId(), m.name()), now.minus(Duration.ofDays(8)))).toList();
            int n = 0;
            for (SignUp line : lines) {
                if (n++ < 5) {
                    line.checkIn(river.startsAt().minus(Duration.ofMinutes(10 - n)), null, null);
                    line.checkOut(river.endsAt().minus(Duration.ofMinutes(n * 7L)), null);
                }
            }
            river.confirm(SECRETARY, river.endsAt().plus(Duration.ofHours(1)));
            lines.forEach(l -> l.settle(river));
            signUps.saveAll(lines);
            activities.save(river);
            lines.stream().filter(l -> l.state() == SignUpState.ATTENDED).forEach(l -> events.publishEvent(
                    new ActivityAttended(river.id(), l.id(), l.memberId(), l.accountId(), river.areaPath(),
                            river.campaignActionId(),
                            l.minutes(), river.confirmedAt())));

            shatou.ifPresent(area -> accounts.idOf("shatou").ifPresent(sh -> activities.save(activity(ids, area,
                    "沙头社区防溺水安全宣传", "到河边、鱼塘张贴防溺水提示，向家长发放安全告知书。", "沙头社区文化广场",
                    at(today.plusDays(4), 16, 0), at(today.plusDays(4), 18, 0), 30, List.of(),
                    Activity.OrganiserKind.COMMUNITY, "沙头社区党委", sh, now.minus(Duration.ofDays(1))))));
            log.info("Loaded the demo volunteer activities of 北江社区 (S7: 登革热防控大扫除, {} signed up)", people.size());
        });
    }

    /**
     * Issue 7 in the demo: the Mid-Autumn fair's volunteer service, called off for a typhoon warning with its reason
     * (its sign-ups ended by the organiser), and a past member of the vanguard team who left after moving away (his
     * hours of the riverbank clean-up still count for the team). Once, after the activities above.
     */
    @Bean
    @Order(56)
    ApplicationRunner demoActivityOperations(ActivityRepository activities, SignUpRepository signUps, SignUpDesk desk,
                                             ServiceTeamRepository teams, PartyMembers members, Areas areas,
                                             AccountDirectory accounts, Ids ids, Clock clock, TransactionTemplate tx) {
        return args -> tx.executeWithoutResult(status -> {
            Optional<AreaRef> beijiang = areas.findByName("北江社区", "COMMUNITY");
            Optional<Long> secretary = accounts.idOf("beijiang");
            if (beijiang.isEmpty() || secretary.isEmpty() || activities.count() == 0
                    || activities.existsByState(ActivityState.CANCELLED)) {
                return;
            }
            List<MemberRef> people = members.ofCommunity(beijiang.get().id());
            Instant now = clock.instant();
            LocalDate today = LocalDate.now(clock.withZone(CHINA));
            Activity fair = activity(ids, beijiang.get(), "中秋游园会志愿服务",
                    "协助社区中秋游园会：布置灯谜、维持秩序、照看老人和孩子。", "北江社区文化广场",
                    at(today.plusDays(8), 19, 0), at(today.plusDays(8), 21, 30), 30, List.of(),
                    Activity.OrganiserKind.COMMUNITY, "北江社区党委", secretary.get(), now.minus(Duration.ofDays(4)));
            activities.saveAndFlush(fair);
            people.stream().filter(m -> m.accountId() != null).limit(2).forEach(m -> desk.signUp(fair.id(),
                    new SignUpDesk.Volunteer(m.id(), m.accountId(), m.name()), now.minus(Duration.ofDays(3))));
            Instant cancelled = now.minus(Duration.ofDays(1));
            fair.cancel("受台风“海葵”影响，气象台发布暴雨橙色预警，游园会取消，改期另行通知。", SECRETARY, cancelled);
            activities.saveAndFlush(fair);
            List<SignUp> lines = signUps.findByActivityIdAndStateIn(fair.id(), SignUpDesk.ACTIVE);
            lines.forEach(l -> l.endByOrganiser(cancelled));
            signUps.saveAllAndFlush(lines);
            activities.freeAll(fair.id());

            teams.findAll().stream().filter(t -> t.name().equals("北江社区党员先锋服务队")).findFirst().ifPresent(team -> {
                team.current().stream().filter(m -> m.memberId() != team.leaderMemberId()).reduce((a, b) -> b)
                        .ifPresent(m -> team.remove(m.memberId(), "工作调到广州，本人申请退出服务队", SECRETARY,
                                now.minus(Duration.ofDays(2))));
                teams.saveAndFlush(team);
            });
            log.info("Loaded the demo activity operations of 北江社区 (a cancelled activity, a past team member)");
        });
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(CHINA).toInstant();
    }

    private static Activity activity(Ids ids, AreaRef area, String title, String description, String place,
                                     Instant start, Instant end, int capacity, List<String> skills,
                                     Activity.OrganiserKind kind, String organiser, long by, Instant createdAt) {
        Instant closes = start;
        return new Activity(ids.next("activity_seq"), new Activity.Where(area.id(), area.name(), area.path()),
                new Activity.Details(title, description, place, start, end, createdAt, closes, capacity, skills, null,
                        kind, organiser), by, SECRETARY, createdAt);
    }

    /** A small banner standing in for the cover photo: green ground, a red flag. */
    private static org.lianxin.shared.ImageFiles.Image cover() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(480, 240,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0xE8, 0xF5, 0xE9));
        g.fillRect(0, 0, 480, 240);
        g.setColor(new java.awt.Color(0x2E, 0x7D, 0x32));
        g.fillRect(0, 180, 480, 60);
        g.setColor(new java.awt.Color(0xC0, 0x39, 0x2B));
        g.fillRect(200, 50, 8, 130);
        g.fillRect(208, 50, 80, 50);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return org.lianxin.shared.ImageFiles.decode(java.util.Base64.getEncoder().encodeToString(out.toByteArray()),
                ActivityCover.MAX_BYTES, "cover");
    }
}
