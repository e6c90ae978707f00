package org.lianxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lianxin.Http.Response;

import tools.jackson.databind.JsonNode;

/** Spreadsheets for import and export tests: small workbooks to upload, the cells of a download, a job awaited. */
public final class Sheets {

    private Sheets() {
    }

    /** A workbook with the template's headers and these lines (null cells left empty). */
    public static byte[] workbook(List<String> headers, List<List<String>> lines) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("党员");
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
            }
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = lines.get(r);
                for (int i = 0; i < cells.size(); i++) {
                    if (cells.get(i) != null) {
                        row.createCell(i).setCellValue(cells.get(i));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls the job until it is DONE or FAILED. */
    public static JsonNode await(Http http, long jobId) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            Response job = http.get("/api/v1/import-jobs/" + jobId);
            assertThat(job.status()).isEqualTo(200);
            String state = job.get("state").asString();
            if (state.equals("DONE") || state.equals("FAILED")) {
                return job.json();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import job " + jobId + " did not finish");
    }

    /** Every text cell of every sheet. */
    public static List<String> cells(byte[] xlsx) {
        List<String> all = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> all.add(new org.apache.poi.ss.usermodel.DataFormatter()
                    .formatCellValue(cell)))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }
}
