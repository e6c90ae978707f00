package org.lianxin.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Excel (.xlsx) in and out without holding a whole workbook: templates and exports are written with
 * {@link SXSSFWorkbook} (a window of rows in memory, the rest in a temporary file), imports are read with POI's
 * SAX event API ({@link XSSFReader}, {@link ReadOnlySharedStringsTable}), so a roster of 57,546 rows stays within a
 * small heap. Only the first sheet is read; its first row names the columns.
 */
public final class Spreadsheets {

    /** A column of a template: header in both languages, required or not, and what it accepts (shown on 说明). */
    public record Column(String code, String zh, String en, boolean required, String allowedZh, String allowedEn,
                         String example) {

        public String header(Locale locale) {
            return "en".equals(locale.getLanguage()) ? en : zh;
        }
    }

    /** One line of the sheet: its number as Excel shows it (the header is line 1) and its cells by column code. */
    public record Line(int number, Map<String, String> cells) {

        public String get(String code) {
            String value = cells.get(code);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** What the header row named: the known columns' codes and the texts no column knows. */
    public record Header(List<String> codes, List<String> unknown) {
    }

    /** Receives the lines of a sheet one by one; returning false stops the reading. */
    @FunctionalInterface
    public interface LineHandler {
        boolean line(Line line);
    }

    /** The file is not an .xlsx workbook we can read. */
    public static final class NotASpreadsheetException extends InvalidInputException {
        public NotASpreadsheetException() {
            super("file", "import.file.not-xlsx");
        }
    }

    private static final int WINDOW = 200;

    private Spreadsheets() {
    }

    /** A template: the data sheet with its header row (text format, so long numbers stay whole) and a 说明 sheet. */
    public static void template(OutputStream out, String sheetName, List<Column> columns, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle header = headerStyle(workbook);
            Sheet data = workbook.createSheet(sheetName);
            Row head = data.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(columns.get(i).header(locale) + (columns.get(i).required() ? "*" : ""));
                cell.setCellStyle(header);
                data.setDefaultColumnStyle(i, text);
                data.setColumnWidth(i, 18 * 256);
            }
            data.createFreezePane(0, 1);
            Sheet help = workbook.createSheet(en ? "Instructions" : "说明");
            Row helpHead = help.createRow(0);
            String[] titles = en ? new String[] {"Column", "Required", "Allowed values / format", "Example"}
                    : new String[] {"列名", "是否必填", "填写要求 / 可选值", "示例"};
            for (int i = 0; i < titles.length; i++) {
                Cell cell = helpHead.createCell(i);
                cell.setCellValue(titles[i]);
                cell.setCellStyle(header);
            }
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                Row row = help.createRow(i + 1);
                row.createCell(0).setCellValue(c.header(locale));
                row.createCell(1).setCellValue(c.required() ? (en ? "required" : "必填") : (en ? "optional" : "选填"));
                row.createCell(2).setCellValue(en ? c.allowedEn() : c.allowedZh());
                row.createCell(3).setCellValue(c.example() == null ? "" : c.example());
            }
            Row note = help.createRow(columns.size() + 2);
            note.createCell(0).setCellValue(en
                    ? "Fill in the first sheet from line 2; lines already in the ledger (same ID number) are skipped, so a file may be imported again."
                    : "从第一张表的第 2 行起逐行填写；身份证号已在台账中的行会跳过，同一文件可以放心重复导入。");
            help.setColumnWidth(0, 16 * 256);
            help.setColumnWidth(1, 10 * 256);
            help.setColumnWidth(2, 60 * 256);
            help.setColumnWidth(3, 24 * 256);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the headers of an .xlsx download (the file name in RFC 5987 form, so Chinese names survive). */
    public static void attachment(jakarta.servlet.http.HttpServletResponse response, String fileName) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"export.xlsx\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("Cache-Control", "no-store");
    }

    private static CellStyle headerStyle(SXSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    /** A streaming writer for exports: a header row, then rows of text, written with a window of rows in memory. */
    public static final class Writer implements AutoCloseable {

        private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        private final Sheet sheet;
        private final OutputStream out;
        private int next;
        private int rows;

        public Writer(OutputStream out, String sheetName, List<String> headers) {
            this.out = out;
            this.sheet = workbook.createSheet(sheetName);
            CellStyle header = headerStyle(workbook);
            Row head = sheet.createRow(next++);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, 18 * 256);
            }
            sheet.createFreezePane(0, 1);
        }

        public void row(List<?> values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else if (value != null) {
                    row.createCell(i).setCellValue(value.toString());
                }
            }
            rows++;
        }

        /** Data rows written so far (the header not counted). */
        public int rows() {
            return rows;
        }

        @Override
        public void close() {
            try {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    workbook.close();
                } catch (IOException ignored) {
                    // the temporary files are gone with dispose in close
                }
            }
        }
    }

    /**
     * Reads the first sheet of an .xlsx file line by line: the first row's texts are matched to the columns (by the
     * Chinese or the English header, a trailing * ignored), later rows are handed over as {@link Line}s; blank rows
     * are left out. Throws {@link NotASpreadsheetException} when the file is no workbook.
     *
     * @return what the first row named
     */
    public static Header read(Path file, List<Column> columns, LineHandler handler) {
        Map<String, String> codeByHeader = new HashMap<>();
        for (Column c : columns) {
            codeByHeader.put(normalizeHeader(c.zh()), c.code());
            codeByHeader.put(normalizeHeader(c.en()), c.code());
            codeByHeader.put(normalizeHeader(c.code()), c.code());
        }
        List<String> unknown = new ArrayList<>();
        Collector collector = new Collector(codeByHeader, unknown, handler);
        try (OPCPackage pkg = open(file)) {
            XSSFReader reader;
            ReadOnlySharedStringsTable strings;
            StylesTable styles;
            InputStream sheet;
            try {
                reader = new XSSFReader(pkg);
                strings = new ReadOnlySharedStringsTable(pkg, false);
                styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new NotASpreadsheetException();
                }
                sheet = sheets.next();
            } catch (NotASpreadsheetException e) {
                throw e;
            } catch (Exception e) {
                throw new NotASpreadsheetException();
            }
            try (sheet) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, new PlainValues(), false));
                try {
                    parser.parse(new InputSource(sheet));
                } catch (Stop stop) {
                    // the handler had enough
                } catch (SAXException | RuntimeException e) {
                    if (e instanceof InvalidInputException invalid) {
                        throw invalid;
                    }
                    if (e.getCause() instanceof Stop) {
                        return new Header(collector.codes(), unknown);
                    }
                    throw new NotASpreadsheetException();
                }
            }
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new NotASpreadsheetException();
        }
        return new Header(collector.codes(), unknown);
    }

    /** The first row only: which columns it names and which headers no column knows. */
    public static Header headers(Path file, List<Column> columns) {
        return read(file, columns, line -> false);
    }

    /** Counts the data lines (non-blank rows after the header) without keeping them. */
    public static int count(Path file, List<Column> columns) {
        int[] n = {0};
        read(file, columns, line -> {
            n[0]++;
            return true;
        });
        return n[0];
    }

    private static OPCPackage open(Path file) {
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception | LinkageError e) {
            throw new NotASpreadsheetException();
        }
    }

    private static String normalizeHeader(String header) {
        return header == null ? "" : header.replace("*", "").replace("＊", "").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Cell values as a person typed them, whatever the cell's format: dates as ISO dates (Excel's default date format
     * would otherwise read 7/1/85), whole numbers without exponent or grouping (a phone number typed as a number).
     */
    static final class PlainValues extends DataFormatter {

        PlainValues() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString)
                    && org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(value)) {
                java.time.LocalDateTime t = org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(value, use1904Windowing);
                return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** Turns SAX cell events into lines keyed by column code. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Map<String, String> codeByHeader;
        private final List<String> unknown;
        private final LineHandler handler;
        private final Map<Integer, String> codeByIndex = new HashMap<>();
        private boolean headerDone;
        private int rowNumber;
        private Map<String, String> cells;

        Collector(Map<String, String> codeByHeader, List<String> unknown, LineHandler handler) {
            this.codeByHeader = codeByHeader;
            this.unknown = unknown;
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            this.rowNumber = rowNum + 1;
            this.cells = new LinkedHashMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (!headerDone) {
                headerDone = true;
                return;
            }
            if (cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
                return;
            }
            if (!handler.line(new Line(rowNumber, cells))) {
                throw new Stop();
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (cellReference == null) {
                return;
            }
            int column = new CellReference(cellReference).getCol();
            if (!headerDone) {
                String header = formattedValue == null ? "" : formattedValue;
                String code = codeByHeader.get(normalizeHeader(header));
                if (code != null) {
                    codeByIndex.put(column, code);
                } else if (!header.isBlank()) {
                    unknown.add(header.strip());
                }
                return;
            }
            String code = codeByIndex.get(column);
            if (code != null) {
                cells.put(code, formattedValue);
            }
        }

        @Override
        public void headerFooter(String text, boolean isHeader, String tagName) {
        }

        /** The column codes the header row named. */
        List<String> codes() {
            return new ArrayList<>(codeByIndex.values());
        }
    }
}
