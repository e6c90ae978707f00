package org.lianxin.shared;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.shared.ImportJobs.Issue;
import org.lianxin.shared.ImportJobs.Job;
import org.lianxin.shared.ImportJobs.Stored;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Progress and rejected lines of a spreadsheet import. A job is visible to its uploader and to whoever holds the
 * job's read permission over the part of the tree it was uploaded for; to anyone else it answers 404.
 */
@Tag(name = "导入任务 Import jobs")
@RestController
@RequestMapping("/api/v1/import-jobs")
class ImportJobController {

    /** A rejected line as the reader sees it, in his language. */
    record IssueView(int row, String column, String message) {
    }

    private final ImportJobs jobs;
    private final MessageSource messages;

    ImportJobController(ImportJobs jobs, MessageSource messages) {
        this.jobs = jobs;
        this.messages = messages;
    }

    @Operation(summary = "One import job: state and counts (poll it while RUNNING)")
    @GetMapping("/{id}")
    Job get(@CurrentUser Actor actor, @PathVariable long id) {
        return visible(actor, id).job();
    }

    @Operation(summary = "The lines an import rejected and why, by line number")
    @GetMapping("/{id}/issues")
    PageView<IssueView> issues(@CurrentUser Actor actor, @PathVariable long id, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        visible(actor, id);
        var paging = Paging.of(page, size, org.springframework.data.domain.Sort.unsorted());
        long total = jobs.countIssues(id);
        List<IssueView> content = jobs.issues(id, (int) paging.getOffset(), paging.getPageSize()).stream().map(this::view).toList();
        return new PageView<>(content, paging.getPageNumber(), paging.getPageSize(), total,
                (int) ((total + paging.getPageSize() - 1) / paging.getPageSize()));
    }

    @Operation(summary = "The rejected lines as an .xlsx file")
    @GetMapping("/{id}/issues.xlsx")
    void issuesFile(@CurrentUser Actor actor, @PathVariable long id, HttpServletResponse response) throws IOException {
        Stored job = visible(actor, id);
        Locale locale = LocaleContextHolder.getLocale();
        boolean en = "en".equals(locale.getLanguage());
        Spreadsheets.attachment(response, (en ? "rejected-lines-" : "导入问题-") + job.job().id() + ".xlsx");
        try (Spreadsheets.Writer writer = new Spreadsheets.Writer(response.getOutputStream(), en ? "Rejected" : "未导入的行",
                en ? List.of("Line", "Column", "Reason") : List.of("行号", "列", "原因"))) {
            int offset = 0;
            while (true) {
                List<Issue> page = jobs.issues(id, offset, 1000);
                for (Issue issue : page) {
                    IssueView v = view(issue);
                    writer.row(List.of(v.row(), v.column() == null ? "" : v.column(), v.message()));
                }
                if (page.size() < 1000) {
                    break;
                }
                offset += page.size();
            }
        }
    }

    private IssueView view(Issue issue) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Object> args = new ArrayList<>(issue.args());
        String column = issue.column() == null ? null
                : messages.getMessage("import.column." + issue.column(), null, issue.column(), locale);
        return new IssueView(issue.row(), column, messages.getMessage(issue.messageKey(), args.toArray(), issue.messageKey(), locale));
    }

    private Stored visible(Actor actor, long id) {
        Stored job = jobs.find(id).orElseThrow(() -> new NotFoundException("ImportJob"));
        if (job.accountId() != actor.accountId() && !actor.scopeFor(job.readPermission()).contains(job.scopePath())) {
            throw new NotFoundException("ImportJob");
        }
        return job;
    }
}
