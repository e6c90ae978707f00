package org.lianxin.member;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.lianxin.member.MemberController.MemberForm;
import org.lianxin.member.MemberEvents.MembersImported;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ImportJobs;
import org.lianxin.shared.ImportJobs.Outcome;
import org.lianxin.shared.ImportJobs.Person;
import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.Scope;
import org.lianxin.shared.Spreadsheets.Column;
import org.lianxin.shared.Spreadsheets.Line;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a roster of members from a spreadsheet. Each line is checked whole first (required fields, the ID
 * number's check digit, the phone, the community and building by name inside the uploader's scope, the labels the
 * template lists); a line whose ID number is already recorded is skipped, one repeated inside the file is rejected
 * naming the first line. Good lines are written through {@link MemberRecords#create} in one transaction per batch
 * with one audit entry per batch; if a batch fails, it is redone line by line so only the bad line is rejected.
 */
@Component
class MemberImport {

    static final String KIND = "MEMBERS";
    private static final String MOBILE = MemberController.MOBILE;
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("uuuuMMdd"), DateTimeFormatter.ofPattern("uuuu年M月d日"));

    private final MemberRecords records;
    private final MemberRepository members;
    private final MemberProperties properties;
    private final Areas areas;
    private final PersonalDataCipher cipher;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final jakarta.persistence.EntityManager entities;

    MemberImport(MemberRecords records, MemberRepository members, MemberProperties properties, Areas areas,
                 PersonalDataCipher cipher, MessageSource messages, ApplicationEventPublisher events,
                 PlatformTransactionManager transactions,
                 jakarta.persistence.EntityManager entities) {
        this.entities = entities;
        this.records = records;
        this.members = members;
        this.properties = properties;
        this.areas = areas;
        this.cipher = cipher;
        this.messages = messages;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The template's columns, with the allowed labels read from the configuration and the messages. */
    List<Column> columns() {
        String employmentsZh = Arrays.stream(Employment.values()).map(e -> label("member.employment." + e.name(), Locale.SIMPLIFIED_CHINESE))
                .collect(Collectors.joining("、"));
        String employmentsEn = Arrays.stream(Employment.values()).map(e -> label("member.employment." + e.name(), Locale.ENGLISH))
                .collect(Collectors.joining(", "));
        String skillsZh = properties.skills().stream().map(s -> s.label(Locale.SIMPLIFIED_CHINESE)).collect(Collectors.joining("、"));
        String skillsEn = properties.skills().stream().map(s -> s.label(Locale.ENGLISH)).collect(Collectors.joining(", "));
        return List.of(
                new Column("name", "姓名", "Name", true, "不超过 100 字", "at most 100 characters", "王建国"),
                new Column("idNumber", "身份证号", "ID number", true, "18 位居民身份证号码，末位校验码须正确；已登记的号码会跳过",
                        "18-character resident ID number with a correct check character; numbers already recorded are skipped",
                        "440607195808150011"),
                new Column("phone", "手机号", "Mobile phone", false, "11 位手机号码", "11-digit mobile number", "13800138000"),
                new Column("community", "所在社区", "Community", true, "社区全称，须在您管辖的范围内",
                        "the community's full name, inside your area", "北江社区"),
                new Column("compound", "小区", "Compound", false, "该社区内小区的名称（填楼栋时用于区分同名楼栋）",
                        "a compound's name in that community (tells apart buildings of the same name)", "碧桂园"),
                new Column("building", "楼栋", "Building", false, "该社区（小区）内楼栋的名称", "a building's name in that community (compound)",
                        "1座"),
                new Column("address", "居住地址", "Address", false, "不超过 300 字", "at most 300 characters", "西南街道北江路 8 号"),
                new Column("ownOrganization", "所在单位党组织", "Own Party organisation", false, "不超过 200 字",
                        "at most 200 characters", "佛山市三水区某某公司党支部"),
                new Column("employment", "就业状态", "Employment", false, employmentsZh + "（空白为“其他”）",
                        employmentsEn + " (blank: Other)", "退休"),
                new Column("joinedOn", "入党日期", "Joined the Party on", false, "日期，如 1985-07-01", "a date, e.g. 1985-07-01",
                        "1985-07-01"),
                new Column("skills", "技能特长", "Skills", false, skillsZh + "（多项用顿号或逗号分隔）",
                        skillsEn + " (several separated by commas)", "法律、驾驶"));
    }

    /** A run over one file, for one uploader: remembers the ID numbers seen so far to name repeats. */
    ImportJobs.Importer importer(Actor actor, Scope scope, long jobId) {
        return new Run(actor, scope, jobId);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private final class Run implements ImportJobs.Importer {

        private final Actor actor;
        private final Scope scope;
        private final long jobId;
        private final Map<String, Integer> firstLineOfIndex = new HashMap<>();
        private final Map<String, List<AreaRef>> communities = new HashMap<>();
        private final Map<String, List<AreaRef>> places = new HashMap<>();
        private final Map<String, Employment> employments = new HashMap<>();
        private final Map<String, String> skills = new HashMap<>();

        Run(Actor actor, Scope scope, long jobId) {
            this.actor = actor;
            this.scope = scope;
            this.jobId = jobId;
            employments.putAll(ImportJobs.byLabel(Employment.values(), "member.employment.", messages));
            for (var s : properties.skills()) {
                skills.put(ImportJobs.normalize(s.code()), s.code());
                s.labels().values().forEach(l -> skills.put(ImportJobs.normalize(l), s.code()));
            }
        }

        /** A line that passed every check, ready to be written. */
        private record Checked(Line line, MemberForm form, AreaRef community) {
        }

        @Override
        public void batch(List<Line> lines, Outcome outcome) {
            List<Checked> good = new ArrayList<>();
            Map<Line, String> indexes = new HashMap<>();
            for (Line line : lines) {
                Checked checked = check(line, outcome, indexes);
                if (checked != null) {
                    good.add(checked);
                }
            }
            ImportJobs.writeBatch(good, Checked::line, c -> indexes.get(c.line()), members::existingIdNumberIndexes, tx,
                    this::write, outcome);
        }

        private void write(List<Checked> lines) {
            // the batch's own lines are distinct (checked above) and the unique index guards the rest: the per-line
            // existence query need not flush the batch's pending inserts first (that made a batch quadratic)
            entities.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
            for (Checked c : lines) {
                records.create(actor, c.form(), c.community());
            }
            members.flush();
            entities.clear();
            events.publishEvent(new MembersImported(jobId, lines.size(), lines.get(0).line().number(),
                    lines.get(lines.size() - 1).line().number()));
        }

        private Checked check(Line line, Outcome outcome, Map<Line, String> indexes) {
            List<Runnable> problems = new ArrayList<>();
            Person person = ImportJobs.checkPerson(line, outcome, problems, firstLineOfIndex, cipher, MOBILE);
            String name = person.name();
            String rawId = person.idNumber();
            String index = person.idNumberIndex();
            String phone = person.phone();
            AreaRef community = null;
            String communityName = line.get("community");
            if (communityName == null) {
                problems.add(() -> outcome.rejected(line, "community", "import.required"));
            } else {
                community = ImportJobs.single(communities.computeIfAbsent(communityName, n -> areas.named(n, "COMMUNITY", scope)),
                        line, "community", communityName, outcome, problems);
            }
            Long buildingId = null;
            String compoundName = line.get("compound");
            String buildingName = line.get("building");
            AreaRef within = community;
            if (compoundName != null && community != null) {
                AreaRef c = community;
                within = ImportJobs.single(places.computeIfAbsent("C" + c.id() + "/" + compoundName,
                        k -> areas.named(compoundName, "COMPOUND", Scope.of(c.path()))), line, "compound", compoundName, outcome,
                        problems);
            }
            if (buildingName != null && within != null) {
                AreaRef w = within;
                AreaRef building = ImportJobs.single(places.computeIfAbsent("B" + w.id() + "/" + buildingName,
                        k -> areas.named(buildingName, "BUILDING", Scope.of(w.path()))), line, "building", buildingName, outcome,
                        problems);
                buildingId = building == null ? null : building.id();
            }
            Employment employment = Employment.OTHER;
            String employmentText = line.get("employment");
            if (employmentText != null) {
                employment = employments.get(ImportJobs.normalize(employmentText));
                if (employment == null) {
                    problems.add(() -> outcome.rejected(line, "employment", "import.value.unknown", employmentText));
                }
            }
            LocalDate joinedOn = null;
            String joined = line.get("joinedOn");
            if (joined != null) {
                joinedOn = date(joined).orElse(null);
                if (joinedOn == null) {
                    problems.add(() -> outcome.rejected(line, "joinedOn", "import.date.invalid"));
                }
            }
            List<String> skillCodes = new ArrayList<>();
            String skillText = line.get("skills");
            if (skillText != null) {
                for (String part : ImportJobs.parts(skillText)) {
                    String code = skills.get(ImportJobs.normalize(part));
                    if (code == null) {
                        problems.add(() -> outcome.rejected(line, "skills", "import.value.unknown", part));
                    } else if (!skillCodes.contains(code)) {
                        skillCodes.add(code);
                    }
                }
            }
            String address = line.get("address");
            if (address == null && buildingName != null) {
                // as the console shows a member's place: compound and building
                address = (compoundName == null ? "" : compoundName + " ") + buildingName;
            }
            if (address != null && address.length() > 300) {
                problems.add(() -> outcome.rejected(line, "address", "import.too-long", 300));
            }
            String own = line.get("ownOrganization");
            if (own != null && own.length() > 200) {
                problems.add(() -> outcome.rejected(line, "ownOrganization", "import.too-long", 200));
            }
            if (!problems.isEmpty()) {
                problems.forEach(Runnable::run);
                return null;
            }
            indexes.put(line, index);
            MemberForm form = new MemberForm(name, rawId, phone, community.id(), buildingId, address, own, employment,
                    joinedOn, skillCodes, null, null, null, null, null, null, null, null, null);
            return new Checked(line, form, community);
        }
    }

    static Optional<LocalDate> date(String text) {
        String t = text.strip();
        if (t.contains(" ")) {
            t = t.substring(0, t.indexOf(' '));
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(t, f));
            } catch (DateTimeParseException ignored) {
                // next pattern
            }
        }
        return Optional.empty();
    }
}
