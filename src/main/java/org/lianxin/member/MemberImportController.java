package org.lianxin.member;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.ImportJobs;
import org.lianxin.shared.ImportJobs.Job;
import org.lianxin.shared.Scope;
import org.lianxin.shared.Spreadsheets;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The member roster as a spreadsheet: the template to fill, and the upload that starts an import job (202; poll
 * {@code /api/v1/import-jobs/{id}}). Permission is checked before the file is looked at.
 */
@Tag(name = "党员 Members")
@RestController
@RequestMapping("/api/v1/members")
class MemberImportController {

    private final MemberImport memberImport;
    private final MemberPermissions permissions;
    private final ImportJobs jobs;

    MemberImportController(MemberImport memberImport, MemberPermissions permissions, ImportJobs jobs) {
        this.memberImport = memberImport;
        this.permissions = permissions;
        this.jobs = jobs;
    }

    @Operation(summary = "The import template (.xlsx): the header row and a sheet explaining each column")
    @GetMapping("/import-template")
    void template(@CurrentUser Actor actor, HttpServletResponse response) throws IOException {
        if (!actor.has(MemberPermissions.READ) && permissions.importScope(actor).isEmpty()) {
            throw new ForbiddenException(MemberPermissions.WRITE);
        }
        Locale locale = LocaleContextHolder.getLocale();
        boolean en = "en".equals(locale.getLanguage());
        Spreadsheets.attachment(response, en ? "members-template.xlsx" : "党员导入模板.xlsx");
        Spreadsheets.template(response.getOutputStream(), en ? "Members" : "党员", memberImport.columns(), locale);
    }

    @Operation(summary = "Import members from an .xlsx file (multipart 'file'); answers 202 with the job to poll")
    @PostMapping(value = "/imports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Job upload(@CurrentUser Actor actor, @RequestParam(name = "file", required = false) MultipartFile file) {
        Scope scope = permissions.importScope(actor);
        if (scope.isEmpty()) {
            throw new ForbiddenException(MemberPermissions.WRITE);
        }
        return jobs.submit(MemberImport.KIND, actor, MemberPermissions.READ, scope, file, memberImport.columns(),
                id -> memberImport.importer(actor, scope, id));
    }
}
