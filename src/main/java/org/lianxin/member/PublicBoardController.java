package org.lianxin.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.member.MemberEvents.PublicBoardPrinted;
import org.lianxin.member.PublicBoards.Board;
import org.lianxin.member.PublicBoards.BranchBoard;
import org.lianxin.member.PublicBoards.Card;
import org.lianxin.member.PublicBoards.GroupBoard;
import org.lianxin.member.PublicBoards.HouseholdLine;
import org.lianxin.member.PublicBoards.Person;
import org.lianxin.member.PublicBoards.ZoneBoard;
import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.NotFoundException;
import org.lianxin.shared.PrintedDocuments;
import org.lianxin.shared.PrintedDocuments.Sheet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public board (公示) of a grid, as JSON for the console's preview and as an A4 PDF to post; the
 * responsibility cards (党员责任卡) of one member, of the caller himself, or of every member placed in a grid.
 * Staff see the boards and cards of the grids in their member read scope (404 outside); printing is audited.
 */
@Tag(name = "公示与责任卡 Public boards and responsibility cards")
@RestController
@Transactional
class PublicBoardController {

    /** More households than this in one zone are printed as counts per building, so that the board fits A4. */
    static final int LIST_LIMIT = 12;

    private final PublicBoards boards;
    private final MemberRepository members;
    private final MemberPermissions permissions;
    private final Areas areas;
    private final PrintedDocuments documents;
    private final ApplicationEventPublisher events;

    PublicBoardController(PublicBoards boards, MemberRepository members, MemberPermissions permissions, Areas areas,
                          PrintedDocuments documents, ApplicationEventPublisher events) {
        this.boards = boards;
        this.members = members;
        this.permissions = permissions;
        this.areas = areas;
        this.documents = documents;
        this.events = events;
    }

    @Operation(summary = "A grid's public board (公示): branch and secretary, groups and leaders, zones with leaders, "
            + "members (masked phones) and households")
    @GetMapping("/api/v1/public-boards/{gridId}")
    @Transactional(readOnly = true)
    Board board(@CurrentUser Actor actor, @PathVariable long gridId) {
        return boards.board(grid(actor, gridId), LocaleContextHolder.getLocale());
    }

    @Operation(summary = "A grid's public board as an A4 PDF to post (audited)")
    @GetMapping("/api/v1/public-boards/{gridId}/pdf")
    ResponseEntity<byte[]> boardPdf(@CurrentUser Actor actor, @PathVariable long gridId) {
        Locale locale = LocaleContextHolder.getLocale();
        Board board = boards.board(grid(actor, gridId), locale);
        byte[] pdf = documents.render(board.title(), sheet -> boardSheet(sheet, board, locale));
        events.publishEvent(new PublicBoardPrinted("public-board.print", "Area", gridId, board.gridName()));
        return PrintedDocuments.inline(boards.msg("board.file", locale) + "-" + board.gridName() + ".pdf", pdf);
    }

    @Operation(summary = "The responsibility cards of every member placed in a grid, one page each (audited)")
    @GetMapping("/api/v1/public-boards/{gridId}/cards")
    ResponseEntity<byte[]> gridCards(@CurrentUser Actor actor, @PathVariable long gridId) {
        Locale locale = LocaleContextHolder.getLocale();
        AreaRef grid = grid(actor, gridId);
        List<Card> cards = new ArrayList<>();
        for (Registration r : boards.placedIn(grid)) {
            members.findById(r.memberId()).ifPresent(m -> cards.add(boards.card(m, r, locale)));
        }
        String title = boards.msg("card.title", locale) + " " + grid.name();
        byte[] pdf = documents.render(title, sheet -> {
            if (cards.isEmpty()) {
                sheet.heading(title).paragraph(boards.msg("card.none-in-grid", locale));
            }
            for (int i = 0; i < cards.size(); i++) {
                if (i > 0) {
                    sheet.newPage();
                }
                cardSheet(sheet, cards.get(i), locale);
            }
        });
        events.publishEvent(new PublicBoardPrinted("responsibility-card.print", "Area", gridId,
                grid.name() + ": " + cards.size()));
        return PrintedDocuments.inline(boards.msg("card.file", locale) + "-" + grid.name() + ".pdf", pdf);
    }

    @Operation(summary = "One member's responsibility card (党员责任卡) as PDF; 409 when he is not placed (audited)")
    @GetMapping("/api/v1/members/{id}/responsibility-card")
    ResponseEntity<byte[]> card(@CurrentUser Actor actor, @PathVariable long id) {
        Member member = members.findById(id).filter(m -> permissions.canSee(actor, m.areaPath()))
                .orElseThrow(() -> new NotFoundException("Member"));
        return cardPdf(member);
    }

    @Operation(summary = "The caller's own responsibility card (a member's account); 409 when he is not placed")
    @GetMapping("/api/v1/responsibility-cards/mine")
    ResponseEntity<byte[]> mine(@CurrentUser Actor actor) {
        Member member = members.findByAccountId(actor.accountId()).orElseThrow(() -> new NotFoundException("Member"));
        return cardPdf(member);
    }

    private ResponseEntity<byte[]> cardPdf(Member member) {
        Locale locale = LocaleContextHolder.getLocale();
        Registration placement = boards.placement(member.id())
                .orElseThrow(() -> new ConflictException("not-placed", "card.not-placed", member.name()));
        Card card = boards.card(member, placement, locale);
        byte[] pdf = documents.render(boards.msg("card.title", locale) + " " + card.name(),
                sheet -> cardSheet(sheet, card, locale));
        events.publishEvent(new PublicBoardPrinted("responsibility-card.print", "Member", member.id(), member.name()));
        return PrintedDocuments.inline(boards.msg("card.file", locale) + "-" + card.name() + ".pdf", pdf);
    }

    /** A grid the caller may read members in: absent or outside the scope 404, not a grid 400. */
    private AreaRef grid(Actor actor, long gridId) {
        AreaRef grid = areas.find(gridId).orElseThrow(() -> new NotFoundException("Area"));
        if (!permissions.canSee(actor, grid.path())) {
            throw new NotFoundException("Area");
        }
        if (!"GRID".equals(grid.level())) {
            throw new InvalidInputException("gridId", "board.not-a-grid");
        }
        return grid;
    }

    private void boardSheet(Sheet sheet, Board board, Locale locale) {
        sheet.heading(board.title());
        for (BranchBoard branch : board.branches()) {
            sheet.subheading(boards.msg("board.branch", locale, branch.name()) + "    "
                    + boards.msg("board.secretary", locale, who(branch.secretary(), locale)));
            if (!branch.members().isEmpty()) {
                sheet.paragraph(boards.msg("board.branch-members", locale, names(branch.members(), locale)));
            }
            if (branch.groups().isEmpty()) {
                sheet.paragraph(boards.msg("board.no-group", locale));
            }
            for (GroupBoard group : branch.groups()) {
                sheet.paragraph(boards.msg("board.group", locale, group.name()) + "    "
                        + boards.msg("board.group-leader", locale, who(group.leader(), locale)));
                List<List<String>> rows = new ArrayList<>();
                for (ZoneBoard zone : group.zones()) {
                    rows.add(List.of(zone.name(), who(zone.leader(), locale), names(zone.members(), locale),
                            households(zone.households(), locale)));
                }
                if (!group.members().isEmpty()) {
                    rows.add(List.of(boards.msg("board.no-zone", locale), "", names(group.members(), locale), ""));
                }
                if (!rows.isEmpty()) {
                    sheet.table(List.of(boards.msg("board.zone", locale), boards.msg("board.zone-leader", locale),
                            boards.msg("board.members", locale), boards.msg("board.households", locale)), rows,
                            2.2f, 2f, 2.6f, 4.2f);
                }
            }
        }
        if (!board.contacts().isEmpty()) {
            sheet.subheading(boards.msg("board.contacts", locale));
            sheet.paragraph(board.contacts().stream().map(c -> c.role() + " " + c.name() + (c.phone() == null ? ""
                    : " " + c.phone())).collect(Collectors.joining("；")));
        }
        sheet.paragraph(boards.msg("board.footer", locale));
        sheet.signature(boards.msg("board.issuer", locale, board.communityName()), date(board.date(), locale));
    }

    private void cardSheet(Sheet sheet, Card card, Locale locale) {
        sheet.heading(boards.msg("card.title", locale));
        sheet.field(boards.msg("card.name", locale), card.name());
        sheet.field(boards.msg("card.phone", locale), card.phone());
        sheet.field(boards.msg("card.community", locale), card.communityName());
        sheet.field(boards.msg("card.grid", locale), card.gridName());
        sheet.field(boards.msg("card.branch", locale), card.branchName());
        sheet.field(boards.msg("card.group", locale), card.groupName());
        sheet.field(boards.msg("card.zone", locale), card.zoneName());
        if (card.leadsLabel() != null) {
            sheet.field(boards.msg("card.leads", locale), card.leadsLabel());
        }
        sheet.field(boards.msg("card.secretary", locale), who(card.secretary(), locale));
        if (card.zoneName() != null) {
            sheet.field(boards.msg("card.zone-leader", locale), who(card.zoneLeader(), locale));
        }
        sheet.subheading(boards.msg("card.households", locale, String.valueOf(card.households().size())));
        if (card.zoneName() == null) {
            sheet.paragraph(boards.msg("card.no-zone", locale));
        } else if (!card.households().isEmpty()) {
            sheet.table(List.of(boards.msg("card.building", locale), boards.msg("card.door", locale),
                            boards.msg("card.residents", locale), boards.msg("card.tags", locale)),
                    card.households().stream().map(h -> List.of(place(h), h.doorNumber(),
                            String.valueOf(h.residentCount()), h.tags())).toList(), 3f, 2f, 1f, 3f);
        }
        sheet.subheading(boards.msg("card.duties", locale));
        for (int i = 0; i < card.duties().size(); i++) {
            sheet.paragraph((i + 1) + ". " + card.duties().get(i));
        }
        sheet.signature(boards.msg("board.issuer", locale, card.communityName()), date(card.date(), locale));
    }

    private String who(Person person, Locale locale) {
        if (person == null) {
            return boards.msg("board.none", locale);
        }
        return person.name() + (person.phone() == null ? "" : " " + person.phone());
    }

    private String names(List<Person> people, Locale locale) {
        if (people.isEmpty()) {
            return boards.msg("board.none", locale);
        }
        return people.stream().map(p -> who(p, locale)).collect(Collectors.joining("\n"));
    }

    /** Door numbers by building; counts per building when the list would not fit a cell. */
    private String households(List<HouseholdLine> lines, Locale locale) {
        if (lines.isEmpty()) {
            return boards.msg("board.none", locale);
        }
        Map<String, List<HouseholdLine>> byBuilding = lines.stream()
                .collect(Collectors.groupingBy(PublicBoardController::place, LinkedHashMap::new, Collectors.toList()));
        String body;
        if (lines.size() <= LIST_LIMIT) {
            body = byBuilding.entrySet().stream().map(e -> e.getKey() + "："
                    + e.getValue().stream().map(HouseholdLine::doorNumber).collect(Collectors.joining("、")))
                    .collect(Collectors.joining("\n"));
        } else {
            body = byBuilding.entrySet().stream().map(e -> boards.msg("board.households-building", locale, e.getKey(),
                    String.valueOf(e.getValue().size()))).collect(Collectors.joining("；"));
        }
        return body + "\n" + boards.msg("board.households-count", locale, String.valueOf(lines.size()));
    }

    private static String place(HouseholdLine h) {
        return (h.compoundName() == null ? "" : h.compoundName()) + (h.buildingName() == null ? "" : h.buildingName());
    }

    private String date(LocalDate date, Locale locale) {
        return boards.msg("board.date", locale, String.valueOf(date.getYear()), String.valueOf(date.getMonthValue()),
                String.valueOf(date.getDayOfMonth()));
    }
}
