package org.lianxin.resident;

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
 * The resident ledger as a spreadsheet: the template, and the upload that starts an import job (202; poll
 * {@code /api/v1/import-jobs/{id}}). Permission is checked before the file is looked at.
 */
@Tag(name = "居民台账 Residents")
@RestController
@RequestMapping("/api/v1/residents")
class ResidentImportController {

    private final ResidentImport residentImport;
    private final ImportJobs jobs;

    ResidentImportController(ResidentImport residentImport, ImportJobs jobs) {
        this.residentImport = residentImport;
        this.jobs = jobs;
    }

    @Operation(summary = "The import template (.xlsx): the header row and a sheet explaining each column")
    @GetMapping("/import-template")
    void template(@CurrentUser Actor actor, HttpServletResponse response) throws IOException {
        if (!actor.has(ResidentPermissions.RESIDENT_READ) && !actor.has(ResidentPermissions.RESIDENT_WRITE)) {
            throw new ForbiddenException(ResidentPermissions.RESIDENT_WRITE);
        }
        Locale locale = LocaleContextHolder.getLocale();
        boolean en = "en".equals(locale.getLanguage());
        Spreadsheets.attachment(response, en ? "residents-template.xlsx" : "居民导入模板.xlsx");
        Spreadsheets.template(response.getOutputStream(), en ? "Residents" : "居民", residentImport.columns(), locale);
    }

    @Operation(summary = "Import residents from an .xlsx file (multipart 'file'); answers 202 with the job to poll")
    @PostMapping("/imports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Job upload(@CurrentUser Actor actor, @RequestParam(name = "file", required = false) MultipartFile file) {
        Scope scope = actor.scopeFor(ResidentPermissions.RESIDENT_WRITE);
        if (scope.isEmpty()) {
            throw new ForbiddenException(ResidentPermissions.RESIDENT_WRITE);
        }
        Scope households = actor.scopeFor(ResidentPermissions.HOUSEHOLD_WRITE);
        return jobs.submit(ResidentImport.KIND, actor, ResidentPermissions.RESIDENT_READ, scope, file,
                residentImport.columns(), id -> residentImport.importer(actor, scope, households, id));
    }
}
