package org.lianxin.shared;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Printable documents (public boards, responsibility cards, appointment letters, certificates) as
 * A4 PDF with Chinese text. The font is the first of {@code lianxin.pdf.fonts} that exists, embedded
 * as a subset so the PDF reads the same everywhere; Debian's fonts-noto-cjk provides the default.
 * Without any, the PDF falls back to the standard Adobe font STSong-Light (not embedded: readers
 * supply it), so printing never fails because a font package is missing.
 */
@Component
public class PrintedDocuments {

    private static final Logger log = LoggerFactory.getLogger(PrintedDocuments.class);
    public static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final BaseFont regular;
    private final BaseFont bold;

    public PrintedDocuments(@Value("${lianxin.pdf.fonts:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2;"
            + "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0}") String regularFonts,
                            @Value("${lianxin.pdf.bold-fonts:/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc,2}")
                            String boldFonts) {
        this.regular = firstFont(regularFonts);
        BaseFont b = firstFont(boldFonts);
        this.bold = b == null ? regular : b;
    }

    private static BaseFont firstFont(String candidates) {
        for (String candidate : candidates.split(";")) {
            String file = candidate.strip().replaceFirst(",\\d+$", "");
            if (file.isEmpty() || !Files.isReadable(Path.of(file))) {
                continue;
            }
            try {
                return BaseFont.createFont(candidate.strip(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            } catch (Exception e) {
                log.warn("PDF font {} could not be loaded: {}", candidate, e.getMessage());
            }
        }
        try {
            log.info("No CJK font file found for PDFs; using the standard font STSong-Light (not embedded)");
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("no font for Chinese PDFs", e);
        }
    }

    /** Renders one A4 document; {@code content} adds pages through the {@link Sheet}. */
    public byte[] render(String title, Consumer<Sheet> content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.addCreator("连心 Lianxin");
        document.open();
        content.accept(new Sheet(document));
        document.close();
        return out.toByteArray();
    }

    /** An HTTP answer carrying a PDF, shown inline with a UTF-8 file name. */
    public static ResponseEntity<byte[]> inline(String fileName, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    /** The few shapes our documents need: headings, paragraphs, key/value lines, tables, pages. */
    public final class Sheet {
        private final Document document;

        private Sheet(Document document) {
            this.document = document;
        }

        public Sheet heading(String text) {
            Paragraph p = new Paragraph(text, new Font(bold, 20));
            p.setAlignment(Element.ALIGN_CENTER);
            p.setSpacingAfter(14);
            return add(p);
        }

        public Sheet subheading(String text) {
            Paragraph p = new Paragraph(text, new Font(bold, 13));
            p.setSpacingBefore(10);
            p.setSpacingAfter(6);
            return add(p);
        }

        public Sheet paragraph(String text) {
            Paragraph p = new Paragraph(text, new Font(regular, 11));
            p.setLeading(18);
            p.setSpacingAfter(6);
            return add(p);
        }

        /** A large, centred body text, e.g. the wording of an appointment letter. */
        public Sheet statement(String text) {
            Paragraph p = new Paragraph(text, new Font(regular, 15));
            p.setLeading(30);
            p.setFirstLineIndent(30);
            p.setSpacingBefore(20);
            p.setSpacingAfter(20);
            return add(p);
        }

        public Sheet field(String label, String value) {
            Paragraph p = new Paragraph();
            p.add(new Chunk(label + "：", new Font(bold, 11)));
            p.add(new Chunk(value == null || value.isBlank() ? "—" : value, new Font(regular, 11)));
            p.setLeading(18);
            return add(p);
        }

        /** Right-aligned lines at the foot (issuer, date). */
        public Sheet signature(String... lines) {
            for (String line : lines) {
                Paragraph p = new Paragraph(line, new Font(regular, 12));
                p.setAlignment(Element.ALIGN_RIGHT);
                p.setSpacingBefore(8);
                add(p);
            }
            return this;
        }

        public Sheet table(List<String> headers, List<List<String>> rows, float... widths) {
            PdfPTable table = new PdfPTable(headers.size());
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setSpacingBefore(4);
            table.setSpacingAfter(8);
            if (widths.length == headers.size()) {
                table.setWidths(widths);
            }
            for (String header : headers) {
                PdfPCell cell = new PdfPCell(new Phrase(header, new Font(bold, 10)));
                cell.setBackgroundColor(new Color(0xF2, 0xF3, 0xF5));
                cell.setPadding(5);
                table.addCell(cell);
            }
            for (List<String> row : rows) {
                for (String value : row) {
                    PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, new Font(regular, 10)));
                    cell.setPadding(5);
                    cell.setBorder(Rectangle.BOX);
                    table.addCell(cell);
                }
            }
            return add(table);
        }

        public Sheet newPage() {
            document.newPage();
            return this;
        }

        private Sheet add(Element element) {
            document.add(element);
            return this;
        }
    }
}
