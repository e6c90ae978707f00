package org.lianxin.resident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.resident.ResidentEvents.ResidentsImported;
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
 * Imports residents from a spreadsheet: community / compound / building / door number find the household (created
 * when the door has none yet), then the resident is written through {@link ResidentRecords#create}. Lines are
 * checked whole first; an ID number already in the ledger is skipped, one repeated in the file is rejected naming the
 * first line; batches are written in one transaction each and redone line by line if one fails.
 */
@Component
class ResidentImport {

    static final String KIND = "RESIDENTS";

    private final ResidentRecords records;
    private final ResidentRepository residents;
    private final Areas areas;
    private final PersonalDataCipher cipher;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final jakarta.persistence.EntityManager entities;

    ResidentImport(ResidentRecords records, ResidentRepository residents, Areas areas, PersonalDataCipher cipher,
                   MessageSource messages, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                 jakarta.persistence.EntityManager entities) {
        this.entities = entities;
        this.records = records;
        this.residents = residents;
        this.areas = areas;
        this.cipher = cipher;
        this.messages = messages;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    List<Column> columns() {
        String relationsZh = labels("resident.relation.", Relation.values(), Locale.SIMPLIFIED_CHINESE, "、");
        String relationsEn = labels("resident.relation.", Relation.values(), Locale.ENGLISH, ", ");
        String tagsZh = labels("resident.tag.", ResidentTag.values(), Locale.SIMPLIFIED_CHINESE, "、");
        String tagsEn = labels("resident.tag.", ResidentTag.values(), Locale.ENGLISH, ", ");
        return List.of(
                new Column("name", "姓名", "Name", true, "不超过 100 字", "at most 100 characters", "陈美玲"),
                new Column("idNumber", "身份证号", "ID number", true, "18 位居民身份证号码，末位校验码须正确；已在台账中的号码会跳过",
                        "18-character resident ID number with a correct check character; numbers already in the ledger are skipped",
                        "440607196203150026"),
                new Column("phone", "手机号", "Mobile phone", false, "11 位手机号码", "11-digit mobile number", "13800138000"),
                new Column("community", "所在社区", "Community", true, "社区全称，须在您管辖的范围内",
                        "the community's full name, inside your area", "北江社区"),
                new Column("compound", "小区", "Compound", false, "该社区内小区的名称（楼栋重名时必填）",
                        "a compound's name in that community (needed when building names repeat)", "时代城小区"),
                new Column("building", "楼栋", "Building", true, "楼栋名称", "the building's name", "1座"),
                new Column("doorNumber", "门牌号", "Door number", true, "该楼栋内的门牌；没有这一户时会新建", "the door in that building; "
                        + "a household is created when there is none", "1座1502"),
                new Column("relation", "与户主关系", "Relation to the householder", true, relationsZh, relationsEn, "户主"),
                new Column("tags", "居民标签", "Tags", false, tagsZh + "（多项用顿号或逗号分隔）", tagsEn + " (several separated by commas)",
                        "老年人、独居"));
    }

    private String labels(String prefix, Enum<?>[] values, Locale locale, String separator) {
        return Arrays.stream(values).map(v -> messages.getMessage(prefix + v.name(), null, v.name(), locale))
                .collect(Collectors.joining(separator));
    }

    ImportJobs.Importer importer(Actor actor, Scope scope, Scope householdScope, long jobId) {
        return new Run(scope, householdScope, jobId);
    }

    private final class Run implements ImportJobs.Importer {

        private final Scope scope;
        private final Scope householdScope;
        private final long jobId;
        private final Map<String, Integer> firstLineOfIndex = new HashMap<>();
        private final Map<String, List<AreaRef>> places = new HashMap<>();
        private final Map<String, Relation> relations = new HashMap<>();
        private final Map<String, ResidentTag> tags = new HashMap<>();

        Run(Scope scope, Scope householdScope, long jobId) {
            this.scope = scope;
            this.householdScope = householdScope;
            this.jobId = jobId;
            relations.putAll(ImportJobs.byLabel(Relation.values(), "resident.relation.", messages));
            tags.putAll(ImportJobs.byLabel(ResidentTag.values(), "resident.tag.", messages));
        }

        private record Checked(Line line, String index, String name, String idNumber, String phone, AreaRef building,
                               String door, Relation relation, Set<ResidentTag> tags) {
        }

        @Override
        public void batch(List<Line> lines, Outcome outcome) {
            List<Checked> good = new ArrayList<>();
            for (Line line : lines) {
                Checked c = check(line, outcome);
                if (c != null) {
                    good.add(c);
                }
            }
            ImportJobs.writeBatch(good, Checked::line, Checked::index, residents::existingIdNumberIndexes, tx, this::write,
                    outcome);
        }

        private void write(List<Checked> lines) {
            // the batch's own lines are distinct (checked above) and the unique index guards the rest: the per-line
            // existence query need not flush the batch's pending inserts first (that made a batch quadratic)
            entities.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
            int households = 0;
            for (Checked c : lines) {
                boolean[] created = {false};
                Household household = records.household(c.building(), c.door(), created);
                if (created[0]) {
                    households++;
                }
                records.create(household, c.name(), c.idNumber(), c.phone(), c.relation(), c.tags());
            }
            residents.flush();
            entities.clear();
            events.publishEvent(new ResidentsImported(jobId, lines.size(), households, lines.get(0).line().number(),
                    lines.get(lines.size() - 1).line().number()));
        }

        private Checked check(Line line, Outcome outcome) {
            List<Runnable> problems = new ArrayList<>();
            Person person = ImportJobs.checkPerson(line, outcome, problems, firstLineOfIndex, cipher, ResidentController.MOBILE);
            String name = person.name();
            String rawId = person.idNumber();
            String index = person.idNumberIndex();
            String phone = person.phone();
            AreaRef community = null;
            String communityName = line.get("community");
            if (communityName == null) {
                problems.add(() -> outcome.rejected(line, "community", "import.required"));
            } else {
                community = ImportJobs.single(places.computeIfAbsent("M/" + communityName,
                        k -> areas.named(communityName, "COMMUNITY", scope)), line, "community", communityName, outcome, problems);
            }
            AreaRef within = community;
            String compoundName = line.get("compound");
            if (compoundName != null && community != null) {
                AreaRef c = community;
                within = ImportJobs.single(places.computeIfAbsent("C" + c.id() + "/" + compoundName,
                        k -> areas.named(compoundName, "COMPOUND", Scope.of(c.path()))), line, "compound", compoundName, outcome,
                        problems);
            }
            AreaRef building = null;
            String buildingName = line.get("building");
            if (buildingName == null) {
                problems.add(() -> outcome.rejected(line, "building", "import.required"));
            } else if (within != null) {
                AreaRef w = within;
                building = ImportJobs.single(places.computeIfAbsent("B" + w.id() + "/" + buildingName,
                        k -> areas.named(buildingName, "BUILDING", Scope.of(w.path()))), line, "building", buildingName, outcome,
                        problems);
                if (building != null && !householdScope.contains(building.path())) {
                    problems.add(() -> outcome.rejected(line, "building", "import.building.unknown", buildingName));
                }
            }
            String door = line.get("doorNumber");
            if (door == null) {
                problems.add(() -> outcome.rejected(line, "doorNumber", "import.required"));
            } else if (door.length() > 50) {
                problems.add(() -> outcome.rejected(line, "doorNumber", "import.too-long", 50));
            }
            Relation relation = null;
            String relationText = line.get("relation");
            if (relationText == null) {
                problems.add(() -> outcome.rejected(line, "relation", "import.required"));
            } else {
                relation = relations.get(ImportJobs.normalize(relationText));
                if (relation == null) {
                    problems.add(() -> outcome.rejected(line, "relation", "import.value.unknown", relationText));
                }
            }
            Set<ResidentTag> tagSet = EnumSet.noneOf(ResidentTag.class);
            String tagText = line.get("tags");
            if (tagText != null) {
                for (String part : ImportJobs.parts(tagText)) {
                    ResidentTag tag = tags.get(ImportJobs.normalize(part));
                    if (tag == null) {
                        problems.add(() -> outcome.rejected(line, "tags", "import.value.unknown", part));
                    } else {
                        tagSet.add(tag);
                    }
                }
            }
            if (!problems.isEmpty()) {
                problems.forEach(Runnable::run);
                return null;
            }
            return new Checked(line, index, name, rawId, phone, building, door, relation, tagSet);
        }
    }
}
