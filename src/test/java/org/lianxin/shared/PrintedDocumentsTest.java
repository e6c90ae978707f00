package org.lianxin.shared;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianxin.PdfText;

import static org.assertj.core.api.Assertions.assertThat;

class PrintedDocumentsTest {

    private static byte[] sample(PrintedDocuments documents) {
        return documents.render("公示", sheet -> sheet
                .heading("北江社区第三网格党员责任区公示")
                .field("网格党支部书记", "梅丽华 138****5678")
                .table(List.of("责任区", "责任人", "户数"), List.of(List.of("时代城1栋", "林志强", "12")))
                .signature("北江社区党委", "2026年11月24日"));
    }

    @Test
    void chineseTextComesOutOfTheEmbeddedFontAsWritten() {
        byte[] pdf = sample(new PrintedDocuments(
                "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2;/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
                "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc,2"));
        String text = PdfText.of(pdf);
        assertThat(text).contains("北江社区第三网格党员责任区公示", "梅丽华 138****5678", "时代城1栋", "林志强", "北江社区党委");
        assertThat(pdf.length).as("the font is embedded as a subset, not whole").isLessThan(400_000);
    }

    @Test
    void withoutAFontFileTheStandardChineseFontStillReadsRight() {
        String text = PdfText.of(sample(new PrintedDocuments("/nonexistent.ttf", "/nonexistent-bold.ttf")));
        assertThat(text).contains("北江社区第三网格党员责任区公示", "林志强");
    }
}
