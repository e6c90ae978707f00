package org.lianxin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lianxin.shared.Spreadsheets.Column;
import org.lianxin.shared.Spreadsheets.Line;

/** The streaming reader and writer, without Spring. */
class SpreadsheetsTest {

    static final List<Column> COLUMNS = List.of(
            new Column("name", "姓名", "Name", true, "", "", ""),
            new Column("phone", "手机号", "Mobile phone", false, "", "", ""),
            new Column("joinedOn", "入党日期", "Joined the Party on", false, "", "", ""));

    @TempDir
    Path dir;

    @Test
    void datesReadAsIsoDatesAndNumbersTypedAsNumbersReadWhole() throws Exception {
        Path file = dir.resolve("a.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet();
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("姓名*");
            head.createCell(1).setCellValue("Mobile phone");
            head.createCell(2).setCellValue("入党日期");
            head.createCell(3).setCellValue("备注");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat((short) 14); // Excel's default date format, m/d/yy
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("王建国");
            row.createCell(1).setCellValue(13800138000d);
            row.createCell(2).setCellValue(LocalDate.of(1985, 7, 1));
            row.getCell(2).setCellStyle(date);
            sheet.createRow(2); // blank: left out
            sheet.createRow(3).createCell(0).setCellValue("李秀英");
            wb.write(out);
        }
        List<Line> lines = new ArrayList<>();
        Spreadsheets.Header header = Spreadsheets.read(file, COLUMNS, lines::add);
        assertThat(header.codes()).containsExactly("name", "phone", "joinedOn");
        assertThat(header.unknown()).containsExactly("备注");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).number()).isEqualTo(2);
        assertThat(lines.get(0).get("phone")).isEqualTo("13800138000");
        assertThat(lines.get(0).get("joinedOn")).isEqualTo("1985-07-01");
        assertThat(lines.get(1).number()).isEqualTo(4);
        assertThat(Spreadsheets.count(file, COLUMNS)).isEqualTo(2);
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedAsBadInput() throws Exception {
        Path file = dir.resolve("b.xlsx");
        Files.writeString(file, "姓名,手机号\n");
        assertThatThrownBy(() -> Spreadsheets.read(file, COLUMNS, line -> true))
                .isInstanceOf(Spreadsheets.NotASpreadsheetException.class);
    }

    @Test
    void theTemplateReadsBackItsOwnHeaders() throws Exception {
        Path file = dir.resolve("t.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Spreadsheets.template(out, "党员", COLUMNS, Locale.SIMPLIFIED_CHINESE);
        }
        assertThat(Spreadsheets.headers(file, COLUMNS).codes()).containsExactly("name", "phone", "joinedOn");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Spreadsheets.Writer writer = new Spreadsheets.Writer(out, "x", List.of("a", "b"))) {
            writer.row(List.of("一", 2));
            assertThat(writer.rows()).isEqualTo(1);
        }
        assertThat(out.size()).isGreaterThan(1000);
    }
}
