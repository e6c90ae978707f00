package org.lianxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every message exists in zh-CN and en, and every key the code raises exists. */
class I18nTests {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = I18nTests.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyMessageKeyExistsInBothLanguagesAndNoneIsEmpty() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");

        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
        zh.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
        en.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
    }

    @Test
    void everyKeyTheCodeRaisesHasAMessage() throws IOException {
        Properties zh = load("messages.properties");
        Pattern raised = Pattern.compile(
                "(?:InvalidInputException|ConflictException|FieldProblem)\\(\\s*\"[^\"]*\",\\s*\"([a-z][a-z.-]+)\"");
        Set<String> missing = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = raised.matcher(Files.readString(file));
                while (m.find()) {
                    if (!zh.containsKey(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
