package org.lianxin.matching;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lianxin.member.PartyMembers;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.organization.PartnerUnits;
import org.lianxin.organization.PartnerUnits.PartnerUnitRef;
import org.lianxin.resident.Residents;
import org.lianxin.resident.Residents.ResidentRef;
import org.lianxin.shared.AccountDirectory;
import org.lianxin.shared.CampaignTags;
import org.lianxin.shared.IdNumber;
import org.lianxin.shared.Ids;
import org.lianxin.shared.PersonalDataCipher;
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
 * The demo's three lists in 北江社区: 22 offers of the four partner units and three members; needs in every state
 * (陈美玲's broadband need that 林志强 reported is the S2 example, still waiting to be dispatched; others taken,
 * fulfilled, closed, returned, cancelled, and one from the building mailbox); four service tasks secretary 梅丽华 listed
 * (story S3), one of them with 林志强's claim. Loaded after partner units, residents and members.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianxin.demo.enabled", havingValue = "true")
class MatchingDemo {

    private static final Logger log = LoggerFactory.getLogger(MatchingDemo.class);
    private static final String SECRETARY = "梅丽华（北江社区党委书记）";
    private static final String LEADER = "林志强（时代城小区党员楼长）";

    @Bean
    @Order(55)
    ApplicationRunner demoMatching(OfferRepository offers, NeedRepository needs, NeedPhotoRepository photos,
                                   ServiceTaskRepository tasks,
                                   ServiceTaskClaimRepository claims, Residents residents, PartyMembers members,
                                   PartnerUnits units, AccountDirectory accounts, Areas areas, PersonalDataCipher cipher,
                                   Ids ids, Clock clock, TransactionTemplate tx) {
        return args -> tx.executeWithoutResult(status -> {
            if (offers.count() > 0 || needs.count() > 0) {
                return;
            }
            Optional<AreaRef> beijiang = areas.findByName("北江社区", "COMMUNITY");
            Optional<AreaRef> shatou = areas.findByName("沙头社区", "COMMUNITY");
            Optional<AreaRef> xinan = areas.findByName("西南街道", "SUBDISTRICT");
            Optional<AreaRef> shidai = areas.findByName("时代城小区", "COMPOUND");
            PartnerUnitRef telecom = units.findByName("中国电信佛山三水分公司").orElse(null);
            PartnerUnitRef gas = units.findByName("三水燃气公司").orElse(null);
            PartnerUnitRef school = units.findByName("西南街道中心小学").orElse(null);
            PartnerUnitRef hospital = units.findByName("三水区人民医院").orElse(null);
            Optional<Long> memberAccount = accounts.idOf("member");
            Optional<Long> leaderAccount = accounts.idOf("louzhang");
            Optional<Long> telecomAccount = accounts.idOf("telecom");
            Optional<Long> secretaryAccount = accounts.idOf("beijiang");
            if (beijiang.isEmpty() || shatou.isEmpty() || xinan.isEmpty() || shidai.isEmpty() || telecom == null
                    || gas == null || school == null || hospital == null || memberAccount.isEmpty()
                    || leaderAccount.isEmpty() || telecomAccount.isEmpty() || secretaryAccount.isEmpty()) {
                return;
            }
            var liu = members.ofAccount(memberAccount.get()).orElse(null);
            var lin = members.skilledOfAccount(leaderAccount.get()).orElse(null);
            if (liu == null || lin == null) {
                return;
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.now(clock);
            LocalDate from = today.withDayOfYear(1);
            LocalDate until = from.plusYears(1).minusDays(1);
            Offer.Served bj = new Offer.Served(beijiang.get().id(), beijiang.get().name(), beijiang.get().path());
            Offer.Served st = new Offer.Served(shatou.get().id(), shatou.get().name(), shatou.get().path());
            Offer.Served xn = new Offer.Served(xinan.get().id(), xinan.get().name(), xinan.get().path());
            Offer.Served sd = new Offer.Served(shidai.get().id(), shidai.get().name(), shidai.get().path());
            // unit, title, description, category, capacity, contact, phone, areas
            Object[][] rows = {
                    {telecom, "宽带故障上门检修", "党员服务队上门排查宽带、光猫和线路故障，当天响应", "BROADBAND_UTILITIES", 10,
                            "黄涛", "13800138001", List.of(bj)},
                    {telecom, "老人智能手机教学", "每月一次教老人用智能手机挂号、视频通话、防诈骗", "EDUCATION", 4, "黄涛",
                            "13800138001", List.of(bj, st)},
                    {telecom, "网课网络保障", "为有上网课学生的家庭优先检测网络、提速", "BROADBAND_UTILITIES", 6, "黄涛",
                            "13800138001", List.of(sd)},
                    {telecom, "固话与手机欠费停机协助", "帮困难家庭办理话费减免、复机", "BROADBAND_UTILITIES", 5, "黄涛",
                            "13800138001", List.of(xn)},
                    {telecom, "防诈骗宣传进楼栋", "电信党员到楼栋讲解常见诈骗手法", "LEGAL", 2, "黄涛", "13800138001",
                            List.of(xn)},
                    {telecom, "困难家庭免费宽带", "为低保、独居老人家庭提供一年免费宽带", "BROADBAND_UTILITIES", 3, "黄涛",
                            "13800138001", List.of(bj)},
                    {gas, "燃气安全入户检查", "检查燃气软管、阀门、报警器，免费更换老化软管", "REPAIRS", 20, "冯嘉",
                            "13800138002", List.of(bj, st)},
                    {gas, "燃气灶具维修", "燃气灶打不着火、火小等问题上门维修", "REPAIRS", 8, "冯嘉", "13800138002",
                            List.of(xn)},
                    {gas, "独居老人燃气报警器安装", "为独居老人免费安装燃气泄漏报警器", "ELDERLY_CARE", 6, "冯嘉",
                            "13800138002", List.of(bj)},
                    {gas, "燃气缴费代办", "帮行动不便的老人代缴燃气费", "ELDERLY_CARE", 10, "冯嘉", "13800138002",
                            List.of(st)},
                    {school, "四点半课堂", "放学后为双职工家庭孩子提供作业辅导", "EDUCATION", 30, "邓老师", "13800138003",
                            List.of(st)},
                    {school, "暑期托管", "暑假期间小学生托管与兴趣活动", "EDUCATION", 40, "邓老师", "13800138003",
                            List.of(xn)},
                    {school, "家庭教育咨询", "德育老师一对一家庭教育咨询", "EDUCATION", 6, "邓老师", "13800138003",
                            List.of(bj, st)},
                    {school, "学生志愿者陪伴老人", "学生志愿者周末陪独居老人聊天、读报", "ELDERLY_CARE", 8, "邓老师",
                            "13800138003", List.of(bj)},
                    {hospital, "社区义诊", "每月一次内科、骨科专家到社区义诊", "HEALTH", 50, "叶医生", "0757-87700000",
                            List.of(bj)},
                    {hospital, "行动不便老人上门随访", "家庭医生上门测血压、血糖，调整用药", "HEALTH", 10, "叶医生",
                            "0757-87700000", List.of(bj)},
                    {hospital, "慢病用药咨询", "药师电话或上门讲解慢病用药", "HEALTH", 20, "叶医生", "0757-87700000",
                            List.of(xn)},
                    {hospital, "心理健康咨询", "心理科医生为居民提供心理疏导", "HEALTH", 6, "叶医生", "0757-87700000",
                            List.of(xn)},
                    {hospital, "康复护理指导", "康复科护士上门指导卧床老人家属护理", "ELDERLY_CARE", 5, "叶医生",
                            "0757-87700000", List.of(bj, st)},
            };
            List<Offer> saved = new ArrayList<>();
            for (Object[] row : rows) {
                PartnerUnitRef unit = (PartnerUnitRef) row[0];
                @SuppressWarnings("unchecked")
                List<Offer.Served> served = (List<Offer.Served>) row[7];
                saved.add(offers.save(new Offer(ids.next("offer_seq"), new Offer.Owner(Offer.OwnerKind.UNIT, unit.id(), null,
                        null, unit.name()), new Offer.Terms((String) row[1], (String) row[2], (String) row[3], (Integer) row[4],
                        (String) row[5], (String) row[6], from, until), served, now.minusSeconds(86_400L * 30))));
            }
            offers.save(new Offer(ids.next("offer_seq"), new Offer.Owner(Offer.OwnerKind.MEMBER, null, liu.id(),
                    memberAccount.get(), liu.name()), new Offer.Terms("法律咨询", "周末为居民解答劳动、婚姻、物业纠纷方面的法律问题",
                    "LEGAL", 4, "刘明", "13700001001", from, until), List.of(bj), now.minusSeconds(86_400L * 20)));
            offers.save(new Offer(ids.next("offer_seq"), new Offer.Owner(Offer.OwnerKind.MEMBER, null, lin.id(),
                    leaderAccount.get(), lin.name()), new Offer.Terms("水电小修", "换水龙头、修电灯开关等小修，材料由居民自备",
                    "REPAIRS", 6, "林志强", "13700001002", from, until), List.of(sd), now.minusSeconds(86_400L * 20)));
            offers.save(new Offer(ids.next("offer_seq"), new Offer.Owner(Offer.OwnerKind.MEMBER, null, liu.id(),
                    memberAccount.get(), liu.name()), new Offer.Terms("求职简历指导", "帮待业青年修改简历、模拟面试",
                    "EMPLOYMENT", 3, "刘明", "13700001001", from, until), List.of(bj), now.minusSeconds(86_400L * 10)));

            Map<String, ResidentRef> people = residents.byIdNumberIndex(List.of(index(cipher, "44060719400101001"),
                    index(cipher, "44060719380707002"), index(cipher, "44060719801111002"),
                    index(cipher, "44060719850312002"), index(cipher, "44060719460215002")));
            ResidentRef li = people.get(index(cipher, "44060719400101001"));
            ResidentRef zhong = people.get(index(cipher, "44060719380707002"));
            ResidentRef tan = people.get(index(cipher, "44060719801111002"));
            ResidentRef chen = people.get(index(cipher, "44060719850312002"));
            ResidentRef he = people.get(index(cipher, "44060719460215002"));
            if (li == null || zhong == null || tan == null || chen == null || he == null) {
                log.info("Loaded {} demo offers (no demo residents for needs)", offers.count());
                return;
            }
            Need.Unit telecomUnit = new Need.Unit(telecom.id(), telecom.name());
            Need.Unit gasUnit = new Need.Unit(gas.id(), gas.name());
            Need.Unit hospitalUnit = new Need.Unit(hospital.id(), hospital.name());

            // S2: reported by the building leader, waiting for the community to dispatch
            needs.save(need(ids, chen, "宽带断网，孙子上不了网课", "家里宽带断了两天，孙子读四年级要上网课，想请电信尽快上门检修。",
                    "BROADBAND_UTILITIES", Need.Urgency.URGENT, Need.IdentityVisibility.HELPER, Need.Source.LEADER, LEADER,
                    leaderAccount.get(), now.minusSeconds(3 * 3600)));

            Need frail = need(ids, li, "卧床老人需要康复指导", "老人中风后长期卧床，家属不懂翻身和防褥疮护理，想请医生上门指导。",
                    "ELDERLY_CARE", Need.Urgency.NORMAL, Need.IdentityVisibility.HELPER, Need.Source.STAFF, SECRETARY,
                    secretaryAccount.get(), now.minusSeconds(86_400L));
            frail.dispatch(List.of(), true, null, SECRETARY, secretaryAccount.get(), now.minusSeconds(3 * 3600));
            needs.save(frail);

            Need stove = need(ids, tan, "燃气灶打不着火", "厨房燃气灶一边打不着火，担心漏气不敢用。", "REPAIRS",
                    Need.Urgency.URGENT, Need.IdentityVisibility.HELPER, Need.Source.STAFF, SECRETARY,
                    secretaryAccount.get(), now.minusSeconds(86_400L));
            stove.dispatch(List.of(gasUnit), false, null, SECRETARY, secretaryAccount.get(), now.minusSeconds(86_400L - 1800));
            stove.take(gasUnit, null, "冯嘉", now.minusSeconds(86_400L - 5400));
            needs.save(stove);

            Need pressure = need(ids, zhong, "请医生上门量血压调药", "老人高血压，最近头晕，行动不便去不了医院。", "HEALTH",
                    Need.Urgency.NORMAL, Need.IdentityVisibility.HELPER, Need.Source.STAFF, SECRETARY,
                    secretaryAccount.get(), now.minusSeconds(86_400L * 6));
            pressure.dispatch(List.of(hospitalUnit), false, saved.get(15).id(), SECRETARY, secretaryAccount.get(),
                    now.minusSeconds(86_400L * 6 - 3600));
            pressure.take(hospitalUnit, null, "叶医生", now.minusSeconds(86_400L * 5));
            pressure.fulfil("家庭医生上门测量血压 160/95，已调整降压药，一周后复查。", "三水区人民医院（叶医生）",
                    now.minusSeconds(86_400L * 4));
            needs.save(pressure);
            needs.flush();
            photos.save(new NeedPhoto(pressure.id(), photo()));

            Need phone = need(ids, he, "老人手机不会视频通话", "想学会用手机和在外地的孩子视频。", "EDUCATION",
                    Need.Urgency.NORMAL, Need.IdentityVisibility.STAFF, Need.Source.STAFF, SECRETARY,
                    secretaryAccount.get(), now.minusSeconds(86_400L * 12));
            phone.dispatch(List.of(telecomUnit), false, saved.get(1).id(), SECRETARY, secretaryAccount.get(),
                    now.minusSeconds(86_400L * 12 - 3600));
            phone.take(telecomUnit, telecomAccount.get(), "黄涛", now.minusSeconds(86_400L * 11));
            phone.fulfil("上门教会老人微信视频通话，并设置了大字体。", "中国电信佛山三水分公司（黄涛）", now.minusSeconds(86_400L * 10));
            phone.confirm(5, "小黄很耐心，教了好几遍。", SECRETARY, true, now.minusSeconds(86_400L * 9));
            needs.save(phone);

            Need lawyer = need(ids, li, "遗嘱公证咨询", "老人想了解如何办理遗嘱公证。", "LEGAL", Need.Urgency.NORMAL,
                    Need.IdentityVisibility.STAFF, Need.Source.STAFF, SECRETARY, secretaryAccount.get(),
                    now.minusSeconds(86_400L * 5));
            lawyer.dispatch(List.of(telecomUnit), false, null, SECRETARY, secretaryAccount.get(), now.minusSeconds(86_400L * 5));
            lawyer.decline(telecomUnit, "本单位没有法律服务资源，建议转司法所", "黄涛", now.minusSeconds(86_400L * 4));
            needs.save(lawyer);

            Need cancelled = need(ids, tan, "楼道灯不亮", "三楼楼道灯坏了一周。", "REPAIRS", Need.Urgency.NORMAL,
                    Need.IdentityVisibility.STAFF, Need.Source.RESIDENT, "谭丽娟", null, now.minusSeconds(86_400L * 8));
            cancelled.cancel("物业已当天修好，无需派单", SECRETARY, now.minusSeconds(86_400L * 8 - 7200));
            needs.save(cancelled);

            needs.save(new Need(ids.next("need_seq"), "楼下垃圾桶满了没人清", "楼长信箱来信：楼下垃圾桶经常满了没人清，天热有味道。",
                    "OTHER", Need.Urgency.NORMAL, chen.id(), chen.householdId(), null, chen.areaPath(),
                    Need.IdentityVisibility.STAFF, Need.Source.MAILBOX, "mailbox:demo", LEADER, null, true,
                    now.minusSeconds(86_400L)));

            // S3: four service tasks the secretary listed, on coming weekends and evenings
            LocalDate saturday = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
            List<String> skills = List.of("LAW", "MEDICAL", "EDUCATION", "PLUMBING", "NETWORK", "COUNSELLING", "ARTS",
                    "PHOTOGRAPHY", "DRIVING", "LANGUAGES", "ACCOUNTING", "CONSTRUCTION");
            Object[][] taskRows = {
                    {"小区环境整治", "清理时代城小区楼道杂物和绿化带垃圾，拍照留档", List.of("CONSTRUCTION", "PHOTOGRAPHY"),
                            "时代城小区中心花园集合", saturday, LocalTime.of(9, 0), 3, 8},
                    {"加装电梯协调", "向一楼、二楼住户解释加装电梯政策和费用分摊，协调意见", List.of("LAW", "CONSTRUCTION"),
                            "北江社区党群服务中心", saturday.plusDays(1), LocalTime.of(14, 30), 2, 3},
                    {"出租屋人口核查", "协助网格员登记出租屋住户信息，录入系统", List.of("NETWORK", "LANGUAGES"),
                            "颐澳湾小区物业服务中心", saturday.plusDays(3), LocalTime.of(19, 0), 2, 4},
                    {"无物业楼栋巡查", "巡查北江明珠小区无物业楼栋的水电设施和消防通道", List.of("PLUMBING", "DRIVING"),
                            "北江明珠小区门口", saturday.plusDays(7), LocalTime.of(9, 30), 3, 4},
            };
            List<ServiceTask> listed = new ArrayList<>();
            for (Object[] row : taskRows) {
                LocalDate day = (LocalDate) row[4];
                Instant start = day.atTime((LocalTime) row[5]).atZone(ServiceTask.ZONE).toInstant();
                @SuppressWarnings("unchecked")
                List<String> needed = (List<String>) row[2];
                listed.add(tasks.save(new ServiceTask(ids.next("service_task_seq"), new ServiceTask.Terms((String) row[0],
                        (String) row[1], needed, (String) row[3], start, start.plusSeconds(3600L * (Integer) row[6]),
                        (Integer) row[7]), skills, beijiang.get().path(), beijiang.get().name(), SECRETARY,
                        now.minusSeconds(86_400L))));
            }
            tasks.flush();
            ServiceTask patrol = listed.get(3);
            claims.save(new ServiceTaskClaim(ids.next("service_task_seq"), patrol.id(), lin.id(), leaderAccount.get(),
                    lin.name(), now.minusSeconds(3600)));
            claims.flush();
            tasks.takePlace(patrol.id());
            log.info("Loaded {} demo offers, 8 needs in every state and 4 service tasks of 北江社区", offers.count());
        });
    }

    /**
     * Service tasks for 百日先锋行动 (loaded after the campaign): 小区环境整治 is tagged to 守护家园环境; last week's
     * school-gate duty (护学岗值守), tagged to 护学护校, was completed by two members of 北江社区, so the campaign
     * dashboard counts a task completed.
     */
    @Bean
    @Order(60)
    ApplicationRunner demoCampaignTasks(ServiceTaskRepository tasks, ServiceTaskClaimRepository claims,
                                        PartyMembers members, Areas areas, CampaignTags tags, Ids ids,
                                        ApplicationEventPublisher events, Clock clock, TransactionTemplate tx) {
        return args -> tx.executeWithoutResult(status -> {
            Optional<AreaRef> beijiang = areas.findByName("北江社区", "COMMUNITY");
            Optional<ServiceTask> tidy = tasks.findFirstByTitleOrderById("小区环境整治");
            if (tasks.existsByCampaignActionIdIsNotNull() || beijiang.isEmpty() || tidy.isEmpty()) {
                return;
            }
            List<PartyMembers.MemberRef> people = members.ofCommunity(beijiang.get().id());
            Instant now = clock.instant();
            LocalDate lastWeek = LocalDate.now(clock.withZone(ServiceTask.ZONE)).minusDays(7);
            Optional<CampaignTags.ActionTag> home = tags.open(tidy.get().areaPath(), tidy.get().day()).stream()
                    .filter(t -> t.campaignName().equals("百日先锋行动") && t.name().equals("守护家园环境")).findFirst();
            Optional<CampaignTags.ActionTag> school = tags.open(beijiang.get().path(), lastWeek).stream()
                    .filter(t -> t.campaignName().equals("百日先锋行动") && t.name().equals("护学护校")).findFirst();
            if (home.isEmpty() || school.isEmpty() || people.size() < 2) {
                return;
            }
            tidy.get().tagTo(home.get().id());
            tasks.save(tidy.get());

            Instant start = lastWeek.atTime(7, 15).atZone(ServiceTask.ZONE).toInstant();
            ServiceTask duty = new ServiceTask(ids.next("service_task_seq"), new ServiceTask.Terms("护学岗值守",
                    "上学时段在北江小学校门口维持秩序，护送学生过马路", List.of("EDUCATION"), "北江小学校门口", start,
                    start.plusSeconds(3600L), 2), List.of("EDUCATION"), beijiang.get().path(), beijiang.get().name(),
                    SECRETARY, start.minusSeconds(86_400L * 3));
            duty.tagTo(school.get().id());
            tasks.saveAndFlush(duty);
            List<ServiceTaskClaim> held = new ArrayList<>();
            for (PartyMembers.MemberRef m : people.subList(0, 2)) {
                held.add(claims.save(new ServiceTaskClaim(ids.next("service_task_seq"), duty.id(), m.id(), m.accountId(),
                        m.name(), start.minusSeconds(86_400L * 2))));
                claims.flush();
                tasks.takePlace(duty.id());
            }
            ServiceTask done = tasks.findById(duty.id()).orElseThrow();
            done.complete(start.plusSeconds(3600L * 2));
            tasks.saveAndFlush(done);
            for (ServiceTaskClaim claim : held) {
                claim.complete(done.minutes(), done.completedAt());
                claims.save(claim);
                events.publishEvent(new MatchingEvents.ServiceTaskCompleted(done.id(), claim.id(), claim.memberId(),
                        claim.accountId(), done.areaPath(), done.minutes(), done.completedAt(), done.campaignActionId()));
            }
            claims.flush();
            log.info("Tagged 2 demo service tasks of 北江社区 to 百日先锋行动 (护学岗值守 completed by 2 members)");
        });
    }

    private static Need need(Ids ids, ResidentRef resident, String title, String description, String category,
                             Need.Urgency urgency, Need.IdentityVisibility visibility, Need.Source source, String by,
                             Long byAccount, Instant at) {
        return new Need(ids.next("need_seq"), title, description, category, urgency, resident.id(),
                resident.householdId(), null, resident.areaPath(), visibility, source, null, by, byAccount,
                source != Need.Source.RESIDENT, at);
    }

    /** A small picture standing in for the helper's phone photo (a blood-pressure monitor on a table). */
    private static org.lianxin.shared.ImageFiles.Image photo() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0xF4, 0xF1, 0xEA));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new java.awt.Color(0x9A, 0x7B, 0x5B));
        g.fillRect(0, 170, 320, 70);
        g.setColor(java.awt.Color.WHITE);
        g.fillRoundRect(100, 80, 120, 90, 16, 16);
        g.setColor(new java.awt.Color(0x2B, 0x4C, 0x7E));
        g.fillRect(118, 96, 84, 36);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return org.lianxin.shared.ImageFiles.decode(java.util.Base64.getEncoder().encodeToString(out.toByteArray()),
                NeedPhoto.MAX_BYTES, "photo");
    }

    private static String index(PersonalDataCipher cipher, String first17) {
        return cipher.blindIndex(new IdNumber(first17 + IdNumber.checkCharacter(first17)).value());
    }
}
