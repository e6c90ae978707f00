package org.lianxin.wish;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.lianxin.member.PartyMembers;
import org.lianxin.organization.Areas;
import org.lianxin.organization.PartnerUnits;
import org.lianxin.resident.Residents;
import org.lianxin.resident.Residents.ResidentRef;
import org.lianxin.shared.AccountDirectory;
import org.lianxin.shared.CampaignTags;
import org.lianxin.shared.IdNumber;
import org.lianxin.shared.Ids;
import org.lianxin.shared.ImageFiles;
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
 * The demo micro-wishes of 北江社区 (story S1 and its neighbours): 何秀英's folding seat for the bathroom,
 * published and claimed by 刘明 ({@code member}); 黎伯祥's walking frame, claimed by 中国电信's Party
 * organisation, fulfilled with a photo and confirmed with a thank-you note; two more on the wall; and one
 * pending review that 陈美玲 ({@code resident}) sent from her phone. Loaded after residents and members.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lianxin.demo.enabled", havingValue = "true")
class WishDemo {

    private static final Logger log = LoggerFactory.getLogger(WishDemo.class);
    private static final String SECRETARY = "梅丽华（北江社区党委书记）";

    @Bean
    @Order(50)
    ApplicationRunner demoWishes(WishRepository wishes, WishPhotoRepository photos, Residents residents,
                                 PartyMembers members, PartnerUnits units, AccountDirectory accounts, Areas areas,
                                 PersonalDataCipher cipher, Ids ids, Clock clock, TransactionTemplate tx) {
        return args -> tx.executeWithoutResult(status -> {
            if (wishes.count() > 0) {
                return;
            }
            Map<String, ResidentRef> people = residents.byIdNumberIndex(List.of(
                    index(cipher, "44060719460215002"), index(cipher, "44060719400101001"),
                    index(cipher, "44060719380707002"), index(cipher, "44060719801111002"),
                    index(cipher, "44060719850312002")));
            ResidentRef he = people.get(index(cipher, "44060719460215002"));
            ResidentRef li = people.get(index(cipher, "44060719400101001"));
            ResidentRef zhong = people.get(index(cipher, "44060719380707002"));
            ResidentRef tan = people.get(index(cipher, "44060719801111002"));
            ResidentRef chen = people.get(index(cipher, "44060719850312002"));
            Optional<Long> memberAccount = accounts.idOf("member");
            Optional<Long> telecomAccount = accounts.idOf("telecom");
            if (he == null || li == null || zhong == null || tan == null || chen == null || memberAccount.isEmpty()) {
                return;
            }
            var liuMing = members.registeredOfAccount(memberAccount.get()).orElse(null);
            var telecom = units.findByName("中国电信佛山三水分公司").orElse(null);
            if (liuMing == null || telecom == null || telecomAccount.isEmpty()) {
                return;
            }
            Instant now = clock.instant();

            Wish seat = wish(ids, areas, he, "卫生间装一把折叠椅",
                    "我和老伴年纪大了，洗澡时多次在卫生间滑倒。想在卫生间墙上装一把折叠淋浴椅，洗澡时能坐着，安全些。",
                    "ELDERLY_DISABLED", 260, SECRETARY, true, now.minusSeconds(86_400L * 5));
            seat.publish(SECRETARY, now.minusSeconds(86_400L * 4));
            seat.claim(new Wish.Claimant(Wish.ClaimantKind.MEMBER, memberAccount.get(), liuMing.id(), null, liuMing.name()),
                    now.minusSeconds(86_400L * 2));
            wishes.save(seat);

            Wish frame = wish(ids, areas, li, "想要一副四脚助行器",
                    "老人中风后腿脚不便，下楼散步全靠家人扶着，想有一副四脚助行器，自己也能慢慢走。",
                    "ELDERLY_DISABLED", 180, SECRETARY, true, now.minusSeconds(86_400L * 20));
            frame.publish(SECRETARY, now.minusSeconds(86_400L * 19));
            frame.claim(new Wish.Claimant(Wish.ClaimantKind.UNIT, telecomAccount.get(), null, telecom.id(), telecom.name()),
                    now.minusSeconds(86_400L * 18));
            frame.fulfil("已买好四脚助行器送到家中，调好高度，并教老人使用。", now.minusSeconds(86_400L * 15));
            frame.confirm("谢谢电信的党员同志！助行器很稳，我现在每天都能下楼走一走。", SECRETARY, true,
                    now.minusSeconds(86_400L * 14));
            wishes.save(frame);
            photos.save(new WishPhoto(ids.next("wish_seq"), frame.id(), WishPhoto.Kind.SUBMITTED,
                    png(new Color(0xE8, 0xF0, 0xFA))));
            photos.save(new WishPhoto(ids.next("wish_seq"), frame.id(), WishPhoto.Kind.FULFILMENT,
                    png(new Color(0xFD, 0xEC, 0xEC))));

            Wish meter = wish(ids, areas, zhong, "想要一台电子血压计",
                    "老人有高血压，每天要量血压，家里的血压计坏了，去社区卫生站不方便。",
                    "HEALTH", 200, SECRETARY, true, now.minusSeconds(86_400L * 3));
            meter.publish(SECRETARY, now.minusSeconds(86_400L * 3 - 3600));
            wishes.save(meter);

            Wish mat = wish(ids, areas, tan, "浴室防滑垫和扶手",
                    "家里老人行动不便，浴室地面很滑，想要一块防滑垫和一个墙面扶手。",
                    "DAILY_NEEDS", 120, SECRETARY, true, now.minusSeconds(86_400L));
            mat.publish(SECRETARY, now.minusSeconds(86_400L - 3600));
            wishes.save(mat);

            wishes.save(wish(ids, areas, chen, "孩子想要一套课外读物",
                    "孩子读小学四年级，很爱看书，想要一套适合小学生的科普读物。", "STUDY", 150, "陈美玲", false,
                    now.minusSeconds(7200)));
            log.info("Loaded 5 demo micro-wishes of 北江社区 (S1: 何秀英's folding seat, claimed by 刘明)");
        });
    }

    /**
     * Micro-wishes for 百日先锋行动 (loaded after the campaign): 钟伯's blood-pressure monitor on the wall is tagged to
     * 关爱困难党员群众; a winter quilt for 黎伯祥, tagged to the same action, that 刘明 fulfilled and the resident
     * confirmed, so the campaign dashboard counts a wish fulfilled in 北江社区.
     */
    @Bean
    @Order(60)
    ApplicationRunner demoCampaignWishes(WishRepository wishes, WishPhotoRepository photos, Residents residents,
                                         PartyMembers members, AccountDirectory accounts, Areas areas,
                                         PersonalDataCipher cipher, CampaignTags tags, Ids ids,
                                         ApplicationEventPublisher events, Clock clock, TransactionTemplate tx) {
        return args -> tx.executeWithoutResult(status -> {
            Optional<Wish> meter = wishes.findFirstByTitleOrderById("想要一台电子血压计");
            Optional<Long> memberAccount = accounts.idOf("member");
            ResidentRef li = residents.byIdNumberIndex(List.of(index(cipher, "44060719400101001")))
                    .get(index(cipher, "44060719400101001"));
            if (wishes.existsByCampaignActionIdIsNotNull() || meter.isEmpty() || memberAccount.isEmpty() || li == null) {
                return;
            }
            var liuMing = members.registeredOfAccount(memberAccount.get()).orElse(null);
            java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
            Optional<CampaignTags.ActionTag> care = tags.open(meter.get().areaPath(), today).stream()
                    .filter(t -> t.campaignName().equals("百日先锋行动") && t.name().equals("关爱困难党员群众")).findFirst();
            if (liuMing == null || care.isEmpty()) {
                return;
            }
            meter.get().tagTo(care.get().id());
            wishes.save(meter.get());

            Instant now = clock.instant();
            Wish quilt = wish(ids, areas, li, "冬天想要一床厚棉被",
                    "家里的棉被盖了十几年，又薄又硬，老人怕冷，冬天晚上常被冻醒，想要一床厚实的棉被。",
                    "DAILY_NEEDS", 200, SECRETARY, true, now.minusSeconds(86_400L * 9));
            quilt.tagTo(care.get().id());
            quilt.publish(SECRETARY, now.minusSeconds(86_400L * 8));
            quilt.claim(new Wish.Claimant(Wish.ClaimantKind.MEMBER, memberAccount.get(), liuMing.id(), null,
                    liuMing.name()), now.minusSeconds(86_400L * 7));
            quilt.fulfil("已把新棉被送到黎伯家，帮老人套好被套、铺好床。", now.minusSeconds(86_400L * 6));
            quilt.confirm("棉被又厚又软，晚上再也不冷了，谢谢刘明同志！", SECRETARY, true, now.minusSeconds(86_400L * 5));
            wishes.saveAndFlush(quilt);
            photos.save(new WishPhoto(ids.next("wish_seq"), quilt.id(), WishPhoto.Kind.FULFILMENT,
                    png(new Color(0xFF, 0xF4, 0xE0))));
            events.publishEvent(new WishEvents.WishConfirmed(quilt.id(), quilt.areaPath(), "MEMBER",
                    memberAccount.get(), liuMing.id(), null, true, true, quilt.confirmedAt(), quilt.campaignActionId()));
            log.info("Tagged 2 demo micro-wishes of 北江社区 to 百日先锋行动 · 关爱困难党员群众 (one confirmed)");
        });
    }

    private static Wish wish(Ids ids, Areas areas, ResidentRef resident, String title, String story, String category,
                             int value, String by, boolean onBehalf, Instant at) {
        String[] parts = resident.areaPath().split("/");
        String compound = areas.find(Long.parseLong(parts[parts.length - 2])).map(Areas.AreaRef::name).orElse(null);
        return new Wish(ids.next("wish_seq"), resident, compound, title, story, category, value, by, onBehalf, at);
    }

    private static String index(PersonalDataCipher cipher, String first17) {
        return cipher.blindIndex(new IdNumber(first17 + IdNumber.checkCharacter(first17)).value());
    }

    /** A small picture standing in for a phone photo. */
    static ImageFiles.Image png(Color background) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(0xC0, 0x39, 0x2B));
        g.fillRoundRect(110, 60, 100, 90, 20, 20);
        g.fillRect(130, 150, 12, 50);
        g.fillRect(178, 150, 12, 50);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base64 = Base64.getEncoder().encodeToString(out.toByteArray());
        return ImageFiles.decode(base64, WishPhoto.MAX_BYTES, "photo");
    }
}
